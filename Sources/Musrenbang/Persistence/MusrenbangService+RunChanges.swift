import Foundation
import Storage

extension MusrenbangService {
    /// What changed since run `runId` of `envelope` was computed, in the words the berita acara would refuse with
    /// (`AllocationRunComparison`; "ada hasil alokasi yang lebih baru"; unranked candidates): empty while the berita acara
    /// may still apply it. For the envelope's owner and Bappeda, so that the meeting sees before signing that it must run
    /// the allocation again.
    public func allocationRunChanges(_ envelope: FundingEnvelope, cycleId: CycleID, runId: Int64, viewer: Viewer) throws -> [String] {
        guard let actor = viewer.actor, actor.role == .bappeda || actor.owns(envelope) else { throw DomainError.notInScope }
        return try snapshot { tx in
            try tx.read { db in
                let runs = AllocationRepository(db)
                guard let run = try runs.run(id: runId), run.cycleId == cycleId, run.envelope == envelope else {
                    throw PersistenceError.notFound("alokasi \(runId)")
                }
                if let latest = try runs.latestRun(cycleId: cycleId, envelope: envelope), latest.id != runId {
                    return ["ada hasil alokasi yang lebih baru, nomor \(latest.id)"]
                }
                let candidates = try ProposalRepository(db).allocationCandidates(MusrenbangTransaction.candidateFilter(envelope, cycleId: cycleId),
                                                                                level: envelope.level)
                let current: AllocationResult
                do {
                    current = try tx.compute(envelope, candidates: candidates, cycleId: cycleId, db: db)
                } catch DomainError.unrankedCandidates(let count, _) {
                    return ["\(count) usulan belum memiliki peringkat"]
                }
                return AllocationRunComparison(stored: try runs.storedDecisions(runId: runId), storedAmount: run.envelopeAmount,
                                               storedShares: run.sharesJSON, current: current).changes
            }
        }
    }
}
