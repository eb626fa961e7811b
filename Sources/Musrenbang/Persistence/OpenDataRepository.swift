import Foundation
import Storage

/// The rows of the open data exports, read a page at a time so that an export of a whole city never sits in memory.
/// No visibility check here (the service passes only public cycles and the public condition); never selects a column of
/// `accounts`, nor `proposer_name`.
struct OpenDataRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    /// The actions whose note is a level's decision or reason (not the proposer's own steps).
    static let decisionActions: [Action] = Action.allCases.filter { ![.buat, .ubah, .ajukan, .bawaKeSiklusBerikut].contains($0) }

    /// Up to `limit` proposals of `cycle` after `after` (by id) that the public may see, in id order.
    /// The cycle is compared as `+p.cycle_id` so that SQLite walks the table by id from `after` and stops at the
    /// page, instead of reading and sorting the whole cycle from its index for every page.
    func publishedProposals(cycle: Cycle, after: ProposalID?, limit: Int) throws -> [OpenDataProposal] {
        let visible = VisibilityCondition.fragment(for: .public, cycleId: cycle.id, resultsPublic: true)
        let actions = Self.decisionActions.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let sql = """
            SELECT p.id, p.tracking_code, kc.name, kl.name, rw.number, rt.number, b.name, ku.name, p.title, p.problem,
                p.location_text, p.volume, p.satuan, p.unit_price, p.cost, p.effective_cost, p.stage, p.status,
                p.envelope_level, coalesce(ek.name, ec.name, eo.short_name), coalesce(ro.short_name, ko.short_name),
                (SELECT e.note FROM proposal_events e WHERE e.proposal_id = p.id AND e.note IS NOT NULL AND e.note <> ''
                    AND e.action IN (\(actions)) ORDER BY e.version_after DESC LIMIT 1)
            FROM proposals p JOIN kecamatan kc ON kc.id = p.kecamatan_id JOIN kelurahan kl ON kl.id = p.kelurahan_id
            LEFT JOIN rw ON rw.id = p.rw_id LEFT JOIN rt ON rt.id = p.rt_id JOIN bidang b ON b.id = p.bidang_id
            JOIN kamus_usulan ku ON ku.id = p.kamus_id JOIN opd ko ON ko.id = p.opd_id LEFT JOIN opd ro ON ro.id = p.routed_opd_id
            LEFT JOIN kelurahan ek ON p.envelope_level = 'kelurahan' AND ek.id = p.envelope_owner_id
            LEFT JOIN kecamatan ec ON p.envelope_level = 'kecamatan' AND ec.id = p.envelope_owner_id
            LEFT JOIN opd eo ON p.envelope_level = 'opd' AND eo.id = p.envelope_owner_id
            WHERE +p.cycle_id = ? AND p.id > ? AND \(visible.sql)
            ORDER BY p.id LIMIT ?
            """
        var rows: [OpenDataProposal] = []
        rows.reserveCapacity(limit)
        let values: [(any SQLBindable)?] = [cycle.id.rawValue, after?.rawValue ?? 0] + visible.values + [Int64(limit)]
        try db.withPrepared(sql) { statement in
            try statement.bind(StatementArguments(values))
            while try statement.step() {
                func text(_ column: Int32) -> String { statement.text(at: column) ?? "" }
                func number(_ column: Int32) -> Int? { statement.isNull(at: column) ? nil : Int(statement.int64(at: column)) }
                guard let stage = Stage(rawValue: text(16)), let status = ProposalStatus(rawValue: text(17)) else {
                    throw PersistenceError.corrupt("proposals.stage/status \(text(16)):\(text(17))")
                }
                let envelope: String? = switch statement.text(at: 18).flatMap(Level.init(rawValue:)) {
                case .kelurahan: "Pagu Kelurahan \(text(19))"
                case .kecamatan: "Pagu Kecamatan \(text(19))"
                case .opd: "Pagu Perangkat Daerah \(text(19))"
                case .kota, nil: nil
                }
                rows.append(OpenDataProposal(
                    id: ProposalID(statement.int64(at: 0)), trackingCode: text(1), planYear: cycle.planYear, kecamatan: text(2),
                    kelurahan: text(3), rw: number(4), rt: number(5), bidang: text(6), kamus: text(7), title: text(8),
                    problem: text(9), location: text(10), volume: statement.int64(at: 11), unit: text(12),
                    unitPrice: statement.int64(at: 13), cost: statement.int64(at: 14), effectiveCost: statement.int64(at: 15),
                    state: ProposalState(stage, status), envelopeName: envelope, opd: text(20), latestReason: statement.text(at: 21)))
            }
        }
        return rows
    }
}
