import Musrenbang
import Storage

/// Everything the printed berita acara lists: the signed lock with its final run, its details, the run's proposals
/// (activity, location, volume, OPD), and the proposals the level rejected with their reasons. Read once the berita
/// acara is signed, by a viewer who may see the level's results (`beritaAcara(_:viewer:)` checks it first).
struct BeritaAcaraDocument {
    /// One proposal line of the document.
    typealias Line = PriorityLine

    let beritaAcara: BeritaAcara
    let details: BeritaAcaraDetails?
    let funded: [Line]
    let passedUp: [Line]
    let rejected: [Line]

    init(_ desk: MeetingDesk, cycleId: CycleID, service: MusrenbangService) throws {
        beritaAcara = try service.beritaAcara(desk.lockKey, cycleId: cycleId, viewer: desk.viewer)
        details = try service.beritaAcaraDetails(desk.lockKey, cycleId: cycleId, viewer: desk.viewer)
        let decisions = beritaAcara.finalRun?.decisions ?? []
        let level = desk.level
        let rejectedFilter: ProposalFilter = switch desk.envelope {
        case .kelurahan(let id): ProposalFilter(cycleId: cycleId, kelurahanId: id, states: [ProposalState(level.stage, .ditolak)])
        case .kecamatan(let id): ProposalFilter(cycleId: cycleId, kecamatanId: id, states: [ProposalState(level.stage, .ditolak)])
        case .opd(let id): ProposalFilter(cycleId: cycleId, routedOPDId: id, states: [ProposalState(level.stage, .ditolak)])
        }
        let (lines, rejected) = try service.database.read { db -> ([Line], [Line]) in
            let proposals = ProposalRepository(db)
            let decided = try decisions.map { d in (d, try proposals.proposal(trackingCode: d.trackingCode)) }
            let refused = try proposals.list(rejectedFilter).sorted { $0.id < $1.id }
            let names = try Line.Names(db, for: decided.map(\.1) + refused)
            let lines = decided.map { d, p in Line(p, names: names, rank: d.rank, funded: d.funded, reason: d.reason) }
            let events = EventRepository(db)
            let rejected = try refused.map { p in
                Line(p, names: names, rank: nil, funded: false,
                     reason: try events.history(of: p.id).last { $0.action == .tolak }?.note ?? "")
            }
            return (lines, rejected)
        }
        funded = lines.filter(\.funded)
        passedUp = lines.filter { !$0.funded }
        self.rejected = rejected
    }

    /// The kecamatan's priority list per OPD (Permendagri 86/2017 Tabel T-D.4): every proposal the meeting ranked,
    /// grouped by the OPD responsible, in rank order.
    var priorityByOPD: [(opd: String, lines: [Line])] {
        let all = (funded + passedUp).sorted { ($0.rank ?? Int.max, $0.code.description) < ($1.rank ?? Int.max, $1.code.description) }
        var order: [String] = []
        var groups: [String: [Line]] = [:]
        for line in all {
            if groups[line.opd] == nil { order.append(line.opd) }
            groups[line.opd, default: []].append(line)
        }
        return order.sorted().map { ($0, groups[$0] ?? []) }
    }
}
