import Foundation
import Storage

/// `Visibility.canView` as an SQL condition over `proposals p` of one cycle, so that list reads page and count only
/// what the viewer may see. `ReadsVisibilityTests` checks it against the Swift rule on seeded proposals, viewers and
/// times. Only the draft test reads `p`'s own columns (stage and status, in every covering index); every other part
/// is `p.id IN (SELECT id ...)` over the index of its column, computed once per statement, so a list keeps reading
/// its covering index instead of one table row per proposal.
enum VisibilityCondition {
    /// The condition for `viewer` within `cycleId`; `resultsPublic` is `Visibility.kelurahanResultsArePublic` of
    /// that cycle now.
    static func fragment(for viewer: Viewer, cycleId: CycleID, resultsPublic: Bool) -> SQLFragment {
        let draft: [(any SQLBindable)?] = [Stage.praMusrenbang.rawValue, ProposalStatus.draft.rawValue]
        let notDraft = SQLFragment("NOT (p.stage = ? AND p.status = ?)", draft)
        let isPublic = resultsPublic ? notDraft : .none
        guard let actor = viewer.actor else { return isPublic }
        var parts: [SQLFragment] = []
        if resultsPublic { parts.append(notDraft) }
        if let scoped = scopeCondition(actor, cycleId: cycleId) { parts.append(.and([notDraft, scoped])) }
        parts.append(own(actor.accountId))
        if actor.role == .operatorKelurahan, case .kelurahan(let id) = actor.scope {
            parts.append(SQLFragment("""
                p.id IN (SELECT id FROM proposals WHERE cycle_id = ? AND kelurahan_id = ? AND stage = ? AND status = ?
                    AND (proposer_account_id IS NULL OR proposer_account_id <> entered_by))
                """, [cycleId.rawValue, id.rawValue] + draft))
        }
        return .or(parts)
    }

    /// The proposals `account` proposed or entered (indexes `proposals_proposer`, `proposals_entered_by`).
    static func own(_ account: AccountID) -> SQLFragment {
        SQLFragment("""
            p.id IN (SELECT id FROM proposals WHERE proposer_account_id = ? UNION ALL SELECT id FROM proposals WHERE entered_by = ?)
            """, [account.rawValue, account.rawValue])
    }

    /// The proposals the actor sees by its role and scope beyond what is public (nil: none); drafts are excluded by
    /// the caller.
    private static func scopeCondition(_ actor: Actor, cycleId: CycleID) -> SQLFragment? {
        let cycle = cycleId.rawValue
        return switch (actor.role, actor.scope) {
        case (.ketuaRT, .rt(let id)): SQLFragment("p.id IN (SELECT id FROM proposals WHERE rt_id = ?)", [id.rawValue])
        case (.ketuaRW, .rw(let id)): SQLFragment("p.id IN (SELECT id FROM proposals WHERE rw_id = ?)", [id.rawValue])
        case (.operatorKelurahan, .kelurahan(let id)), (.verifikatorKelurahan, .kelurahan(let id)):
            SQLFragment("p.id IN (SELECT id FROM proposals WHERE cycle_id = ? AND kelurahan_id = ?)", [cycle, id.rawValue])
        case (.verifikatorOPD, .opd(let id)):
            SQLFragment("p.id IN (SELECT id FROM proposals WHERE cycle_id = ? AND routed_opd_id = ?)", [cycle, id.rawValue])
        case (.bappeda, .kota): .all
        default: nil
        }
    }
}
