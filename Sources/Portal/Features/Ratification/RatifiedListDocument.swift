import Musrenbang
import Storage

/// What Bappeda's printed final list holds (`/kerja/penetapan/cetak`): every ratified proposal of the cycle grouped by
/// the OPD responsible, in the columns of Permendagri 86/2017 Tabel T-D.4 and in the engine's priority order (the
/// one `/data/tabel-td4.csv` exports), those not ratified with the reason, and how many still wait (then the
/// document is a draft). Read by Bappeda only (the caller checks the desk first).
struct RatifiedListDocument {
    /// One proposal line (as the berita acara's and the open-data T-D.4 export's).
    typealias Line = PriorityLine

    let cycle: Cycle
    /// The ratified lines per OPD, in priority order; `total` is the OPD's sum.
    let byOPD: [(opd: String, lines: [Line], total: Int64)]
    let notRatified: [Line]
    /// Funded at some level and not yet decided by the kota.
    let waiting: Int
    /// Whether the kota's result is locked (its berita acara signed).
    let kotaLocked: Bool

    init(cycle: Cycle, desk: BappedaDesk, service: MusrenbangService) throws {
        self.cycle = cycle
        let cycleId = cycle.id
        let order = try service.ratifiedProposalIds(cycleId: cycleId, viewer: .actor(desk.actor))
        let (ratified, notRatified, waiting, kotaLocked) = try service.database.read { db in
            let proposals = ProposalRepository(db), events = EventRepository(db)
            let byId = Dictionary(uniqueKeysWithValues: try proposals.proposals(ids: order).map { ($0.id, $0) })
            // Still ratified: a correction may have moved one between the two reads.
            let ratified = order.compactMap { byId[$0] }.filter { $0.state == BappedaDesk.ratified }
            let refused = try proposals.list(ProposalFilter(cycleId: cycleId, states: [BappedaDesk.notRatified]))
            let names = try Line.Names(db, for: ratified + refused)
            let refusedLines = try refused.map { p in
                Line(p, names: names, rank: nil, funded: false,
                     reason: try events.history(of: p.id).last { $0.action == .tidakTetapkan }?.note ?? "")
            }
            let waiting = try proposals.list(ProposalFilter(cycleId: cycleId, states: BappedaDesk.waiting)).count
            return (ratified.map { Line($0, names: names, rank: nil, funded: true, reason: "") }, refusedLines, waiting,
                    try LockRepository(db).keys(cycleId: cycleId).contains(.kota))
        }
        // The engine's order is by OPD, then priority: consecutive lines of one OPD form its table.
        var groups: [(opd: String, lines: [Line], total: Int64)] = []
        for line in ratified {
            if groups.last?.opd == line.opd {
                groups[groups.count - 1].lines.append(line)
                groups[groups.count - 1].total += line.cost
            } else {
                groups.append((line.opd, [line], line.cost))
            }
        }
        byOPD = groups
        self.notRatified = notRatified
        self.waiting = waiting
        self.kotaLocked = kotaLocked
    }

    var ratifiedCount: Int { byOPD.reduce(0) { $0 + $1.lines.count } }
    var ratifiedTotal: Int64 { byOPD.reduce(0) { $0 + $1.total } }
}
