import Foundation
import Storage

/// Builds the public read models (`PublicProposal`, `AllocationRunView`, `BeritaAcara`) from stored rows: names of
/// areas, catalogue and OPDs instead of ids, roles and units instead of accounts. No visibility check here: the
/// service decides who may read what (`Visibility`). Never selects a column of `accounts`.
struct PublicReadRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    /// The public model of `proposal` with its `history` as a timeline. A corrected proposer name keeps its values only
    /// for a viewer with full access (`withProposerNames`); the public timeline says that the name changed, not to what.
    func publicProposal(_ p: Proposal, history: [ProposalEvent], withProposerNames: Bool = false) throws -> PublicProposal {
        guard let row = try db.queryOne("""
            SELECT kc.name AS kecamatan, kl.name AS kelurahan, rw.number AS rw, rt.number AS rt, b.name AS bidang,
                ku.name AS kamus, ro.short_name AS routed, cf.tracking_code AS carried, c.name AS cycle
            FROM proposals p JOIN kecamatan kc ON kc.id = p.kecamatan_id JOIN kelurahan kl ON kl.id = p.kelurahan_id
            LEFT JOIN rw ON rw.id = p.rw_id LEFT JOIN rt ON rt.id = p.rt_id JOIN bidang b ON b.id = p.bidang_id
            JOIN kamus_usulan ku ON ku.id = p.kamus_id LEFT JOIN opd ro ON ro.id = p.routed_opd_id
            LEFT JOIN proposals cf ON cf.id = p.carried_from_id JOIN cycles c ON c.id = p.cycle_id
            WHERE p.id = ?
            """, [p.id.rawValue]) else { throw PersistenceError.notFound("usulan \(p.trackingCode)") }
        let units = PublicLabel.Units(kecamatanName: try row.get("kecamatan"), kelurahanName: try row.get("kelurahan"),
                                      rwNumber: try row.get("rw"), rtNumber: try row.get("rt"))
        let opdOf = try opdNames(of: Set(history.filter { $0.actorRole == .verifikatorOPD }.map(\.actorAccountId)),
                                 preferring: p.routedOPDId)
        let events = history.map { e in
            PublicEvent(at: e.at, action: e.action, from: e.from, to: e.to, note: e.note,
                        changes: withProposerNames ? e.changes : e.changes.map(Self.withoutPersonalValues),
                        actor: PublicLabel.actor(role: e.actorRole, isProposer: e.actorAccountId == p.proposerAccountId,
                                                 units: units, opdName: opdOf[e.actorAccountId]))
        }
        let carried: String? = try row.get("carried")
        return PublicProposal(
            trackingCode: p.trackingCode, cycleName: try row.get("cycle"), title: p.title, problem: p.problem,
            locationText: p.locationText, latitude: p.latitude, longitude: p.longitude, kecamatanName: units.kecamatanName,
            kelurahanName: units.kelurahanName, rwNumber: units.rwNumber, rtNumber: units.rtNumber,
            proposerLabel: PublicLabel.proposer(units), bidangName: try row.get("bidang"), kamusName: try row.get("kamus"),
            unit: p.unit, isFisik: p.isFisik, volume: p.volume, unitPrice: p.unitPrice, cost: p.cost,
            effectiveCost: p.effectiveCost, beneficiaries: p.beneficiaries,
            recommendations: Level.allCases.compactMap { level in
                p.recommendations[level].map { PublicRecommendation(level: level, volume: $0.volume, cost: $0.cost, note: $0.note) }
            },
            state: p.state, envelopeName: try p.envelope.map { try envelopeName($0, cycleId: p.cycleId) },
            routedOPDName: try row.get("routed"), carriedFrom: carried.flatMap { TrackingCode(parsing: $0) },
            submittedAt: p.submittedAt, events: events)
    }

    /// A change of the proposer's name without the names (personal data); any other change as it is.
    static func withoutPersonalValues(_ change: FieldChange) -> FieldChange {
        change.field == "proposer_name" ? FieldChange(field: change.field, old: "", new: "") : change
    }

    /// The OPD (short name) of each OPD verifier account: the one equal to `preferring` when it holds several.
    private func opdNames(of accounts: Set<AccountID>, preferring: OPDID?) throws -> [AccountID: String] {
        var names: [AccountID: String] = [:]
        for account in accounts {
            let rows = try db.query("""
                SELECT o.id, o.short_name FROM account_roles r JOIN opd o ON o.id = r.opd_id
                WHERE r.account_id = ? AND r.role = ? ORDER BY o.id
                """, [account.rawValue, Role.verifikatorOPD.rawValue])
            let chosen = try rows.first { try $0.get(0, as: Int64.self) == preferring?.rawValue } ?? rows.first
            names[account] = try chosen?.get(1)
        }
        return names
    }

    /// The view of a stored run: its decisions in order, each with its proposal's code and title and its reason.
    func allocationRun(_ run: AllocationRun) throws -> AllocationRunView {
        let explained = try AllocationRepository(db).explainedDecisions(runId: run.id)
        let summaries = try ProposalListRepository(db).summaries(ids: explained.map(\.decision.proposalId))
        let decisions = try explained.map { decision, reason in
            guard let summary = summaries[decision.proposalId] else {
                throw PersistenceError.corrupt("allocation decision names proposal \(decision.proposalId)")
            }
            return AllocationDecisionView(position: decision.position, trackingCode: summary.trackingCode, title: summary.title,
                                          rank: decision.rank == Int.max ? nil : decision.rank, cost: decision.cost,
                                          funded: decision.funded, reason: reason)
        }
        return AllocationRunView(runId: run.id, envelope: run.envelope, envelopeName: try envelopeName(run.envelope, cycleId: run.cycleId),
                                 envelopeAmount: run.envelopeAmount, fundedTotal: run.fundedTotal, remaining: run.remaining,
                                 runAt: run.runAt, decisions: decisions)
    }

    /// The berita acara locking `key` in `cycleId`, with its final run (the envelope's last: none runs after a lock).
    func beritaAcara(_ key: LockKey, cycleId: CycleID) throws -> BeritaAcara? {
        guard let row = try db.queryOne("""
            SELECT document_number, note, locked_by, locked_at FROM level_locks WHERE cycle_id = ? AND level = ? AND owner_id IS ?
            """, [cycleId.rawValue, key.level.rawValue, key.ownerId]) else { return nil }
        let unit = try unitName(key, cycleId: cycleId)
        let signer: Role
        switch key {
        case .kelurahan: signer = .verifikatorKelurahan
        case .kecamatan:
            let camat: Int = try db.scalar("""
                SELECT count(*) FROM account_roles WHERE account_id = ? AND role = ? AND kecamatan_id = ?
                """, [try row.get("locked_by", as: Int64.self), Role.camat.rawValue, key.ownerId]) ?? 0
            signer = camat > 0 ? .camat : .operatorKecamatan
        case .opd: signer = .verifikatorOPD
        case .kota: signer = .bappeda
        }
        let units = PublicLabel.Units(kecamatanName: unit, kelurahanName: unit, rwNumber: nil, rtNumber: nil)
        var finalRun: AllocationRunView?
        if let envelope = FundingEnvelope(lockKey: key), let run = try AllocationRepository(db).latestRun(cycleId: cycleId, envelope: envelope) {
            finalRun = try allocationRun(run)
        }
        let prefix = switch key {
        case .kelurahan: "Kelurahan "
        case .kecamatan: "Kecamatan "
        case .opd: "Perangkat Daerah "
        case .kota: ""
        }
        return BeritaAcara(key: key, unitName: prefix + unit, documentNumber: try row.get("document_number"),
                           note: try row.get("note"), lockedAt: try Stored.date(row, "locked_at"),
                           signedBy: PublicLabel.actor(role: signer, isProposer: false, units: units, opdName: unit),
                           finalRun: finalRun)
    }

    /// "Pagu Kelurahan X", "Pagu Kecamatan X", "Pagu Perangkat Daerah X".
    func envelopeName(_ envelope: FundingEnvelope, cycleId: CycleID) throws -> String {
        let unit = try unitName(envelope.lockKey, cycleId: cycleId)
        return switch envelope {
        case .kelurahan: "Pagu Kelurahan \(unit)"
        case .kecamatan: "Pagu Kecamatan \(unit)"
        case .opd: "Pagu Perangkat Daerah \(unit)"
        }
    }

    /// The name of a lock's unit: kelurahan or kecamatan name, OPD short name, or the cycle's kota name.
    func unitName(_ key: LockKey, cycleId: CycleID) throws -> String {
        let name: String? = switch key {
        case .kelurahan(let id): try db.scalar("SELECT name FROM kelurahan WHERE id = ?", [id.rawValue])
        case .kecamatan(let id): try db.scalar("SELECT name FROM kecamatan WHERE id = ?", [id.rawValue])
        case .opd(let id): try db.scalar("SELECT short_name FROM opd WHERE id = ?", [id.rawValue])
        case .kota: try db.scalar("SELECT k.name FROM cycles c JOIN kota k ON k.id = c.kota_id WHERE c.id = ?", [cycleId.rawValue])
        }
        guard let name else { throw PersistenceError.notFound("\(key)") }
        return name
    }
}
