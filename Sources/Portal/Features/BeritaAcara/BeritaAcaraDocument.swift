import Musrenbang
import Storage

/// Everything the printed berita acara lists: the allocation run it applies with that run's proposals (activity,
/// location, volume, OPD), and the proposals the level rejected with their reasons. Once signed, the signed lock with
/// its final run and details; before signing, a draft of the latest (reviewed) run for the meeting to read, so the
/// draft and the signed printout are one document. Read by a viewer who may see the level's results (the engine's
/// `beritaAcara(_:viewer:)` and `latestAllocationRun(_:viewer:)` check it first).
struct BeritaAcaraDocument {
    /// One proposal line of the document.
    typealias Line = PriorityLine

    /// The signed berita acara; nil for the draft.
    let beritaAcara: BeritaAcara?
    let details: BeritaAcaraDetails?
    /// The run the document applies: the signed one's final run, or for the draft the latest run (nil: none yet).
    let run: AllocationRunView?
    let funded: [Line]
    let passedUp: [Line]
    let rejected: [Line]

    var isDraft: Bool { beritaAcara == nil }

    /// The signed document of the desk's level.
    static func signed(_ desk: MeetingDesk, cycleId: CycleID, service: MusrenbangService) throws -> BeritaAcaraDocument {
        let beritaAcara = try service.beritaAcara(desk.lockKey, cycleId: cycleId, viewer: desk.viewer)
        let details = try service.beritaAcaraDetails(desk.lockKey, cycleId: cycleId, viewer: desk.viewer)
        return try BeritaAcaraDocument(desk, cycleId: cycleId, service: service, beritaAcara: beritaAcara, details: details,
                                       run: beritaAcara.finalRun)
    }

    /// The draft before signing: the latest allocation run as it stands, nothing signed or applied yet.
    static func draft(_ desk: MeetingDesk, cycleId: CycleID, service: MusrenbangService) throws -> BeritaAcaraDocument {
        let run: AllocationRunView?
        do {
            run = try service.latestAllocationRun(desk.envelope, cycleId: cycleId, viewer: desk.viewer)
        } catch PersistenceError.notFound {
            run = nil
        }
        return try BeritaAcaraDocument(desk, cycleId: cycleId, service: service, beritaAcara: nil, details: nil, run: run)
    }

    private init(_ desk: MeetingDesk, cycleId: CycleID, service: MusrenbangService, beritaAcara: BeritaAcara?,
                 details: BeritaAcaraDetails?, run: AllocationRunView?) throws {
        self.beritaAcara = beritaAcara
        self.details = details
        self.run = run
        let decisions = run?.decisions ?? []
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
