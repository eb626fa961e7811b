import Musrenbang
import Storage

/// The latest allocation run of a meeting's envelope as the meeting reviews it: the run (every decision with its
/// reason), the envelope's ceiling, the proposals it decided on, and how much each group share used.
struct AllocationSheet {
    /// One group share with what the run funded in its group.
    struct ShareUse {
        let label: String
        let bound: GroupShare.Bound
        /// The share's amount of the envelope the run split.
        let amount: Int64
        let used: Int64
    }

    let run: AllocationRunView?
    /// The envelope's ceiling (pagu), before what was already funded from it.
    let ceiling: Int64?
    let shares: [ShareUse]
    /// What changed since the run was computed (empty: the berita acara may apply it; always empty once signed).
    let changes: [String]

    /// The notice that the run is no longer what the allocation gives now (empty while it is).
    var outdatedNotice: HTML {
        guard let run, !changes.isEmpty else { return .empty }
        return """
            <div class="notice" role="status"><h2>Data berubah sejak alokasi nomor \(run.runId) dijalankan</h2>
            <p>\(changes.joined(separator: "; ")).</p>
            <p>Jalankan alokasi lagi dan tinjau hasilnya; berita acara hanya menerapkan hasil alokasi yang masih berlaku.</p></div>
            """
    }

    var funded: [AllocationDecisionView] { run?.decisions.filter(\.funded) ?? [] }
    var passedUp: [AllocationDecisionView] { run?.decisions.filter { !$0.funded } ?? [] }

    init(_ desk: MeetingDesk, cycleId: CycleID, service: MusrenbangService) throws {
        let run: AllocationRunView?
        do {
            run = try service.latestAllocationRun(desk.envelope, cycleId: cycleId, viewer: desk.viewer)
        } catch PersistenceError.notFound {
            run = nil
        }
        self.run = run
        let locked = try service.database.read { db in try LockRepository(db).keys(cycleId: cycleId).contains(desk.lockKey) }
        changes = try run.map { locked ? [] : try service.allocationRunChanges(desk.envelope, cycleId: cycleId, runId: $0.runId, viewer: desk.viewer) } ?? []
        ceiling = try service.ceilingUsage(cycleId: cycleId, level: desk.level, viewer: desk.viewer)
            .first { $0.envelope == desk.envelope }?.amount
        typealias Reads = (funded: [(isFisik: Bool, bidangId: BidangID, cost: Int64)], bidang: [BidangID: String], stored: [GroupShare])
        let (funded, bidang, stored) = try service.database.read { db -> Reads in
            let stored = try CycleRepository(db).groupShares(cycleId: cycleId, envelope: desk.envelope)
            guard let run, !stored.isEmpty else { return ([], [:], stored) }
            let names = Dictionary(uniqueKeysWithValues: try CatalogRepository(db).bidangList().map { ($0.id, $0.name) })
            return (try AllocationRepository(db).fundedByGroup(runId: run.runId), names, stored)
        }
        let envelopeAmount = run?.envelopeAmount ?? 0
        shares = stored.map { share in
            let used = funded.filter { share.group.contains(isFisik: $0.isFisik, bidangId: $0.bidangId) }.reduce(Int64(0)) { $0 + $1.cost }
            let label: String = switch share.group {
            case .fisik: "Fisik"
            case .nonFisik: "Non-fisik"
            case .bidang(let id): "Bidang " + (bidang[id] ?? "\(id)")
            }
            return ShareUse(label: label, bound: share.bound, amount: share.cap(of: envelopeAmount), used: used)
        }
    }
}
