import Foundation
import Storage

/// Residents' comments on published proposals and their moderation (docs/comments.md). Every rule is here, whatever
/// a form sends: only a signed-in resident comments, only on a published proposal, at most `CommentRules.maxLength`
/// characters and `CommentRules.maxPerPeriod` per hour; only a moderator whose scope covers the proposal hides, with a
/// reason, logged in `comment_moderations` with the hidden text, which leaves the public row.
extension MusrenbangService {
    /// The comments on a published proposal, oldest first (`notFound` when it is not published).
    public func comments(on ref: ProposalRef) throws -> [ProposalComment] {
        let now = clock.now()
        return try database.read { db in
            let (proposal, _) = try Self.visible(ref, viewer: .public, at: now, db: db)
            return try db.query("SELECT \(Self.commentColumns) FROM proposal_comments c WHERE c.proposal_id = ? ORDER BY c.id",
                                [proposal.id.rawValue]).map(Self.comment)
        }
    }

    /// Adds `actor`'s comment (a resident's, acting as one) to a published proposal. Field errors (`invalidFields`,
    /// field "isi"): empty, too long, or the hour's limit reached.
    @discardableResult
    public func addComment(to ref: ProposalRef, text: String, by actor: Actor) throws -> ProposalComment {
        guard actor.role == .warga else { throw DomainError.roleNotAllowed(role: actor.role, action: "berkomentar") }
        let now = clock.now()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if trimmed.isEmpty { errors.append(FieldError(field: "isi", message: "Tulis komentar Anda.")) }
        if trimmed.count > CommentRules.maxLength {
            errors.append(FieldError(field: "isi", message: "Komentar terlalu panjang: \(trimmed.count) huruf, paling banyak \(CommentRules.maxLength)."))
        }
        return try database.write { db in
            let account = try AccountRepository(db).account(id: actor.accountId)
            guard account.active else { throw DomainError.accountInactive }
            guard account.roles.contains(where: { $0.role == .warga }) else {
                throw DomainError.roleNotAllowed(role: actor.role, action: "berkomentar")
            }
            let (proposal, _) = try Self.visible(ref, viewer: .public, at: now, db: db)
            let since = Stored.text(now.addingTimeInterval(-CommentRules.ratePeriod))
            let recent = try db.scalar("SELECT count(*) FROM proposal_comments WHERE author_account_id = ? AND created_at > ?",
                                       [actor.accountId.rawValue, since], as: Int64.self) ?? 0
            if recent >= Int64(CommentRules.maxPerPeriod) {
                errors.append(FieldError(field: "isi", message: "Anda sudah mengirim \(CommentRules.maxPerPeriod) komentar dalam satu jam terakhir. Simpan teksnya dan kirim lagi nanti."))
            }
            guard errors.isEmpty else { throw DomainError.invalidFields(errors) }
            let home: String? = try account.homeRtId.flatMap { rt in
                try db.scalar("""
                    SELECT k.name FROM rt JOIN rw ON rw.id = rt.rw_id JOIN kelurahan k ON k.id = rw.kelurahan_id WHERE rt.id = ?
                    """, [rt.rawValue])
            }
            let label = CommentRules.authorLabel(homeKelurahan: home)
            try db.execute("""
                INSERT INTO proposal_comments (proposal_id, author_account_id, author_label, body, created_at) VALUES (?, ?, ?, ?, ?)
                """, [proposal.id.rawValue, actor.accountId.rawValue, label, trimmed, Stored.text(now)])
            return ProposalComment(id: db.lastInsertRowID, authorLabel: label, body: trimmed, createdAt: now, hidden: nil)
        }
    }

    /// A moderator hides a comment with a reason: its text leaves the comment (kept only in the moderation log with
    /// who, in which role, when and why). `notFound` for a comment outside the actor's scope (as for one that does
    /// not exist); `invalidFields` (field "alasan") without a reason; a comment already hidden stays as it is.
    public func hideComment(_ id: Int64, reason: String, by actor: Actor) throws {
        guard CommentRules.moderates(actor) else { throw DomainError.roleNotAllowed(role: actor.role, action: "menyembunyikan komentar") }
        let now = clock.now()
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try database.write { db in
            let account = try AccountRepository(db).account(id: actor.accountId)
            guard account.active, account.roles.contains(where: { $0.role == actor.role && $0.scope == actor.scope }) else {
                throw DomainError.roleNotAllowed(role: actor.role, action: "menyembunyikan komentar")
            }
            guard let row = try db.queryOne("SELECT proposal_id, body FROM proposal_comments WHERE id = ?", [id]) else {
                throw PersistenceError.notFound("komentar \(id)")
            }
            let proposal = try ProposalRepository(db).proposal(id: ProposalID(try row.get("proposal_id")))
            guard actor.covers(proposal) else { throw PersistenceError.notFound("komentar \(id)") }
            guard let body: String = try row.get("body") else { return }
            var errors: [FieldError] = []
            if trimmed.isEmpty { errors.append(FieldError(field: "alasan", message: "Tulis alasan menyembunyikan komentar ini.")) }
            if trimmed.count > CommentRules.maxReasonLength {
                errors.append(FieldError(field: "alasan", message: "Alasan terlalu panjang: paling banyak \(CommentRules.maxReasonLength) huruf."))
            }
            guard errors.isEmpty else { throw DomainError.invalidFields(errors) }
            let at = Stored.text(now)
            try db.execute("""
                INSERT INTO comment_moderations (comment_id, action, actor_account_id, actor_role, at, reason, original_body)
                VALUES (?, 'hide', ?, ?, ?, ?, ?)
                """, [id, actor.accountId.rawValue, actor.role.rawValue, at, trimmed, body])
            try db.execute("""
                UPDATE proposal_comments SET body = NULL, hidden_at = ?, hidden_by = ?, hidden_reason = ? WHERE id = ? AND body IS NOT NULL
                """, [at, actor.accountId.rawValue, trimmed, id])
        }
    }

    /// The newest comments (at most `limit`) on proposals in `actor`'s scope, hidden ones included, for the
    /// moderation queue; refused for a role that does not moderate.
    public func moderationQueue(for actor: Actor, limit: Int = 100) throws -> [ModerationItem] {
        guard CommentRules.moderates(actor) else { throw DomainError.roleNotAllowed(role: actor.role, action: "memoderasi komentar") }
        let scope: (String, [Int64]) = switch actor.scope {
        case .kelurahan(let id): ("p.kelurahan_id = ?", [id.rawValue])
        case .kecamatan(let id): ("p.kecamatan_id = ?", [id.rawValue])
        case .opd(let id): ("p.routed_opd_id = ?", [id.rawValue])
        case .kota: ("1 = 1", [])
        default: ("0 = 1", [])
        }
        return try database.read { db in
            try db.query("""
                SELECT \(Self.commentColumns), p.tracking_code, p.title, k.name AS kelurahan_name
                FROM proposal_comments c JOIN proposals p ON p.id = c.proposal_id JOIN kelurahan k ON k.id = p.kelurahan_id
                WHERE \(scope.0) ORDER BY c.id DESC LIMIT ?
                """, StatementArguments(scope.1.map { $0 as (any SQLBindable)? } + [Int64(limit)])).map { row in
                let codeText: String = try row.get("tracking_code")
                guard let code = TrackingCode(parsing: codeText) else { throw PersistenceError.corrupt("tracking_code \(codeText)") }
                return ModerationItem(comment: try Self.comment(row), trackingCode: code, proposalTitle: try row.get("title"),
                                      kelurahanName: try row.get("kelurahan_name"))
            }
        }
    }

    private static let commentColumns = "c.id, c.author_label, c.body, c.created_at, c.hidden_at, c.hidden_reason"

    private static func comment(_ row: Row) throws -> ProposalComment {
        let hidden: CommentHiding? = try Stored.optionalDate(row, "hidden_at").map { at in
            CommentHiding(reason: try row.get("hidden_reason", as: String?.self) ?? "", at: at)
        }
        return ProposalComment(id: try row.get("id"), authorLabel: try row.get("author_label"), body: try row.get("body"),
                               createdAt: try Stored.date(row, "created_at"), hidden: hidden)
    }
}
