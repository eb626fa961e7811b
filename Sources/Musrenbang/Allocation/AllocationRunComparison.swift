/// What changed between a stored allocation run (the draft the meeting reviewed) and the allocation as it stands
/// now, in words a meeting understands; empty when the berita acara may apply the stored run.
public struct AllocationRunComparison: Sendable {
    public let changes: [String]

    public init(stored: [AllocationDecision], storedAmount: Int64, storedShares: String, current: AllocationResult) {
        var changes: [String] = []
        if storedAmount != current.envelopeAmount {
            changes.append("pagu yang tersedia berubah dari \(Rupiah.format(storedAmount)) menjadi \(Rupiah.format(current.envelopeAmount))")
        }
        if storedShares != GroupShare.json(current.shares) {
            changes.append("porsi kelompok (fisik/non-fisik/bidang) berubah")
        }
        var before: [ProposalID: AllocationDecision] = [:]
        for decision in stored { before[decision.proposalId] = decision }
        var after: [ProposalID: AllocationDecision] = [:]
        for decision in current.decisions { after[decision.proposalId] = decision }
        let added = after.keys.filter { before[$0] == nil }.count
        let removed = before.keys.filter { after[$0] == nil }.count
        if added > 0 { changes.append("\(added) usulan baru menjadi calon") }
        if removed > 0 { changes.append("\(removed) usulan tidak lagi menjadi calon") }
        var reranked = 0, recosted = 0
        for (id, old) in before {
            guard let new = after[id] else { continue }
            if old.rank != new.rank { reranked += 1 }
            if old.cost != new.cost { recosted += 1 }
        }
        if reranked > 0 { changes.append("peringkat \(reranked) usulan berubah") }
        if recosted > 0 { changes.append("biaya \(recosted) usulan berubah") }
        // The same inputs give the same decisions (the allocation is deterministic); checked all the same.
        if changes.isEmpty && stored.map(\.funded) != current.decisions.map(\.funded) {
            changes.append("hasil alokasi berbeda")
        }
        self.changes = changes
    }
}
