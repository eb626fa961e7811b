import Musrenbang
import Storage

/// The final list's totals for the filter's kecamatan and OPD: per funding level (the envelope's) and per tab, how
/// many proposals and their cost in force. One grouped read (Bappeda sees the whole city).
struct RatificationTotals {
    struct Cell: Equatable {
        var count = 0
        var cost: Int64 = 0
    }

    private(set) var cells: [RatificationFilter.Tab: [Level: Cell]] = [:]

    func cell(_ tab: RatificationFilter.Tab, _ level: Level?) -> Cell {
        guard let level else {
            return (cells[tab] ?? [:]).values.reduce(into: Cell()) { $0.count += $1.count; $0.cost += $1.cost }
        }
        return cells[tab]?[level] ?? Cell()
    }

    init(cycleId: CycleID, filter: RatificationFilter, database: Database) throws {
        var sql = """
            SELECT stage, status, envelope_level, count(*) AS n, sum(effective_cost) AS total FROM proposals
            WHERE cycle_id = ? AND stage || ':' || status IN
                ('kelurahan:didanai', 'kecamatan:didanai', 'opd:didanai', 'kota:ditetapkan', 'kota:tidak_ditetapkan')
            """
        var values: [(any SQLBindable)?] = [cycleId.rawValue]
        if let kecamatan = filter.kecamatan { sql += " AND kecamatan_id = ?"; values.append(kecamatan) }
        if let opd = filter.opd { sql += " AND opd_id = ?"; values.append(opd) }
        sql += " GROUP BY stage, status, envelope_level"
        var cells: [RatificationFilter.Tab: [Level: Cell]] = [:]
        try database.read { db in
            try db.forEachRow(sql, StatementArguments(values)) { row in
                let stage: String = try row.get("stage"), status: String = try row.get("status")
                let levelText: String? = try row.get("envelope_level")
                let tab: RatificationFilter.Tab = stage != "kota" ? .menunggu : status == "ditetapkan" ? .ditetapkan : .tidakDitetapkan
                guard let level = (levelText ?? (stage == "kota" ? nil : stage)).flatMap(Level.init(rawValue:)) else { return }
                cells[tab, default: [:]][level, default: Cell()].count += Int(try row.get("n") as Int64)
                cells[tab, default: [:]][level, default: Cell()].cost += try row.get("total") as Int64
            }
        }
        self.cells = cells
    }
}
