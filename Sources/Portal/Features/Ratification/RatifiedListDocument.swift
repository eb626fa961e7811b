import Musrenbang
import Storage

/// What Bappeda's printed final list holds (`/kerja/penetapan/cetak`): every ratified proposal of the cycle grouped by
/// the OPD responsible, in the columns of Permendagri 86/2017 Tabel T-D.4, those not ratified with the reason, and how
/// many still wait (then the document is a draft). Read by Bappeda only (the caller checks the desk first).
struct RatifiedListDocument {
    /// One proposal line (as the berita acara's and the open-data T-D.4 export's).
    typealias Line = PriorityLine

    let cycle: Cycle
    let ratified: [Line]
    let notRatified: [Line]
    /// Funded at some level and not yet decided by the kota.
    let waiting: Int
    /// Whether the kota's result is locked (its berita acara signed).
    let kotaLocked: Bool

    init(cycle: Cycle, service: MusrenbangService) throws {
        self.cycle = cycle
        let cycleId = cycle.id
        (ratified, notRatified, waiting, kotaLocked) = try service.database.read { db in
            let proposals = ProposalRepository(db), events = EventRepository(db)
            let ratified = try proposals.list(ProposalFilter(cycleId: cycleId, states: [BappedaDesk.ratified]))
            let refused = try proposals.list(ProposalFilter(cycleId: cycleId, states: [BappedaDesk.notRatified]))
            let names = try Line.Names(db, for: ratified + refused)
            // The rank at the level whose ceiling funds it, as the T-D.4 priority.
            let ratifiedLines = ratified.map { p in Line(p, names: names, rank: p.envelope.flatMap { p.ranks[$0.level] }, funded: true, reason: "") }
            let refusedLines = try refused.map { p in
                Line(p, names: names, rank: nil, funded: false,
                     reason: try events.history(of: p.id).last { $0.action == .tidakTetapkan }?.note ?? "")
            }
            let waiting = try proposals.list(ProposalFilter(cycleId: cycleId, states: BappedaDesk.waiting)).count
            return (ratifiedLines, refusedLines, waiting, try LockRepository(db).keys(cycleId: cycleId).contains(.kota))
        }
    }

    /// The ratified proposals per OPD, OPDs by name, each in priority order (rank, then code).
    var byOPD: [(opd: String, lines: [Line], total: Int64)] {
        Dictionary(grouping: ratified, by: \.opd).sorted { $0.key < $1.key }.map { opd, lines in
            let ordered = lines.sorted { ($0.rank ?? Int.max, $0.code.description) < ($1.rank ?? Int.max, $1.code.description) }
            return (opd, ordered, ordered.reduce(0) { $0 + $1.cost })
        }
    }

    var ratifiedTotal: Int64 { ratified.reduce(0) { $0 + $1.cost } }
}
