import Foundation

/// A proposal offered to an envelope, in rank order.
public struct AllocationCandidate: Hashable, Sendable {
    public var proposalId: ProposalID
    public var rank: Int
    public var cost: Int64
    public var isFisik: Bool
    public var bidangId: BidangID

    public init(proposalId: ProposalID, rank: Int, cost: Int64, isFisik: Bool, bidangId: BidangID) {
        self.proposalId = proposalId; self.rank = rank; self.cost = cost; self.isFisik = isFisik; self.bidangId = bidangId
    }

    /// From a proposal: its rank at `level` (unranked last) and its cost in force.
    public init(_ proposal: Proposal, level: Level) {
        self.init(proposalId: proposal.id, rank: proposal.ranks[level] ?? Int.max, cost: proposal.effectiveCost,
                  isFisik: proposal.isFisik, bidangId: proposal.bidangId)
    }
}

/// The decision on one candidate, with a reason a person can read.
public struct AllocationDecision: Hashable, Sendable {
    public var proposalId: ProposalID
    /// 1-based position in the processing order.
    public var position: Int
    public var rank: Int
    public var cost: Int64
    public var funded: Bool
    /// Remaining envelope before and after this decision.
    public var remainingBefore: Int64
    public var remainingAfter: Int64
    /// The group share that blocked it (nil when funded or when the envelope itself blocked it).
    public var blockingGroup: AllocationGroup?
    /// Whether `blockingGroup`'s maximum was full, or its minimum (a reserve) held the money back.
    public var blockingBound: GroupShare.Bound?
    /// What was left of a blocking maximum, or how much the reserves held back, when this candidate's turn came
    /// (nil without a blocking group).
    public var groupRemaining: Int64?
    /// Funded after the run returned what reserves could not use to the pool (second pass).
    public var fundedFromReleasedReserve: Bool

    public init(proposalId: ProposalID, position: Int, rank: Int, cost: Int64, funded: Bool, remainingBefore: Int64,
                remainingAfter: Int64, blockingGroup: AllocationGroup? = nil, blockingBound: GroupShare.Bound? = nil,
                groupRemaining: Int64? = nil, fundedFromReleasedReserve: Bool = false) {
        self.proposalId = proposalId; self.position = position; self.rank = rank; self.cost = cost; self.funded = funded
        self.remainingBefore = remainingBefore; self.remainingAfter = remainingAfter; self.blockingGroup = blockingGroup
        self.blockingBound = blockingGroup == nil ? nil : (blockingBound ?? .maximum)
        self.groupRemaining = groupRemaining; self.fundedFromReleasedReserve = fundedFromReleasedReserve
    }

    /// "masuk pagu: ..." or "melebihi sisa pagu: sisa Rp 140.000.000, biaya Rp 350.000.000". Built from the
    /// numbers when asked for (a whole-city run decides 175,000 candidates; few reasons are ever read).
    public var reason: String {
        var text: [UInt8] = []
        text.reserveCapacity(112)
        appendReason(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Writes `reason` as UTF-8 bytes: `Rupiah.append` formats amounts into the same buffer, no string each.
    private func appendReason(to text: inout [UInt8]) {
        if funded {
            text.append(contentsOf: fundedFromReleasedReserve
                ? "masuk pagu setelah cadangan porsi minimal yang tidak terpakai kembali ke pagu: biaya ".utf8
                : "masuk pagu: biaya ".utf8)
            Rupiah.append(cost, to: &text)
            text.append(contentsOf: ", sisa pagu ".utf8)
            Rupiah.append(remainingBefore, to: &text)
            text.append(contentsOf: " menjadi ".utf8)
            Rupiah.append(remainingAfter, to: &text)
        } else if let blockingGroup, let groupRemaining, blockingBound == .minimum {
            text.append(contentsOf: "sisa pagu dicadangkan untuk ".utf8)
            text.append(contentsOf: blockingGroup.label.utf8)
            text.append(contentsOf: " minimal: sisa pagu ".utf8)
            Rupiah.append(remainingBefore, to: &text)
            text.append(contentsOf: ", dicadangkan ".utf8)
            Rupiah.append(groupRemaining, to: &text)
            text.append(contentsOf: ", biaya ".utf8)
            Rupiah.append(cost, to: &text)
        } else if let blockingGroup, let groupRemaining {
            text.append(contentsOf: "melebihi sisa ".utf8)
            text.append(contentsOf: blockingGroup.label.utf8)
            text.append(contentsOf: ": sisa ".utf8)
            Rupiah.append(groupRemaining, to: &text)
            text.append(contentsOf: ", biaya ".utf8)
            Rupiah.append(cost, to: &text)
        } else {
            text.append(contentsOf: "melebihi sisa pagu: sisa ".utf8)
            Rupiah.append(remainingBefore, to: &text)
            text.append(contentsOf: ", biaya ".utf8)
            Rupiah.append(cost, to: &text)
        }
    }
}

/// The outcome of one run over an envelope.
public struct AllocationResult: Hashable, Sendable {
    public var envelopeAmount: Int64
    public var shares: [GroupShare]
    public var decisions: [AllocationDecision]
    public var fundedTotal: Int64
    public var remaining: Int64
    /// Amount funded per capped group.
    public var groupUsed: [AllocationGroup: Int64]

    /// F1: funded, in rank order.
    public var funded: [ProposalID] { decisions.filter(\.funded).map(\.proposalId) }
    /// F2: skipped, in rank order.
    public var skipped: [ProposalID] { decisions.filter { !$0.funded }.map(\.proposalId) }
}

/// The F1/F2 split inside one envelope (domain.md "Allocation"): in rank order, a proposal is funded if
/// its cost fits what is left of the envelope and of every capped group it belongs to; otherwise it is
/// skipped and the next is tried. Deterministic (rank, then proposal id); re-runnable until the level
/// is locked (`transitions` refuses a locked level).
public enum Allocation {
    /// Runs the allocation. Pure. Maximum shares cap their group; minimum shares reserve money for their group
    /// while its remaining candidates could use it (a reserve never held back more than the group still asks
    /// for); after the pass, reserves nobody used return to the pool and the candidates they held back are tried
    /// again in rank order (`fundedFromReleasedReserve`).
    public static func run(envelope: Int64, candidates: [AllocationCandidate], shares: [GroupShare] = []) throws(DomainError) -> AllocationResult {
        guard envelope >= 0 else { throw .invalidInput(field: "pagu", detail: "tidak boleh negatif") }
        guard !hasDuplicateIds(candidates) else { throw .invalidInput(field: "daftar usulan", detail: "usulan ganda") }
        guard Set(shares.map { "\($0.bound.rawValue) \($0.group)" }).count == shares.count else {
            throw .invalidInput(field: "porsi", detail: "kelompok ganda")
        }
        for share in shares where !(0...10_000).contains(share.capBasisPoints) {
            throw .invalidInput(field: share.group.label, detail: "0% sampai 100%")
        }
        guard shares.filter({ $0.bound == .minimum }).reduce(0, { $0 + $1.capBasisPoints }) <= 10_000 else {
            throw .invalidInput(field: "porsi minimal", detail: "jumlah porsi minimal lebih dari 100%")
        }
        for candidate in candidates where candidate.cost < 0 {
            throw .invalidInput(field: "biaya", detail: "tidak boleh negatif")
        }
        // Plain integer keys: the tuple-of-identifiers comparator costs more than the rest of a run.
        let ordered = candidates.sorted {
            $0.rank != $1.rank ? $0.rank < $1.rank : $0.proposalId.rawValue < $1.proposalId.rawValue
        }
        let caps = shares.indices.filter { shares[$0].bound == .maximum }
        let reserves = shares.indices.filter { shares[$0].bound == .minimum }
        var remaining = envelope
        // What is left of each share (cap or reserve), by share index (shares are few: no dictionary per candidate).
        var groupLeft = shares.map { $0.cap(of: envelope) }
        // Each reserve's demand still to come: the cost of its group's candidates not yet decided (saturating).
        var demand = [Int64](repeating: 0, count: shares.count)
        for r in reserves {
            for c in ordered where shares[r].group.contains(isFisik: c.isFisik, bidangId: c.bidangId) {
                let (sum, overflow) = demand[r].addingReportingOverflow(c.cost)
                demand[r] = overflow ? Int64.max : sum
            }
        }
        func inGroup(_ i: Int, _ c: AllocationCandidate) -> Bool { shares[i].group.contains(isFisik: c.isFisik, bidangId: c.bidangId) }
        func fund(_ c: AllocationCandidate) {
            remaining -= c.cost
            for i in shares.indices where inGroup(i, c) { groupLeft[i] = max(0, groupLeft[i] - c.cost) }
        }
        var decisions: [AllocationDecision] = []
        decisions.reserveCapacity(ordered.count)
        for (index, candidate) in ordered.enumerated() {
            var funded = false
            var blocking: Int?
            var held: Int64 = 0
            for r in reserves where inGroup(r, candidate) { demand[r] -= candidate.cost }
            if candidate.cost <= remaining {
                blocking = caps.first { inGroup($0, candidate) && candidate.cost > groupLeft[$0] }
                if blocking == nil && !reserves.isEmpty {
                    var first: Int?
                    for r in reserves where !inGroup(r, candidate) {
                        let outstanding = min(groupLeft[r], demand[r])
                        if outstanding > 0 { held += outstanding; first = first ?? r }
                    }
                    if candidate.cost > remaining - held { blocking = first }
                }
                funded = blocking == nil
            }
            let before = remaining
            if funded { fund(candidate) }
            let bound = blocking.map { shares[$0].bound }
            decisions.append(AllocationDecision(proposalId: candidate.proposalId, position: index + 1, rank: candidate.rank,
                                                cost: candidate.cost, funded: funded, remainingBefore: before,
                                                remainingAfter: remaining, blockingGroup: blocking.map { shares[$0].group },
                                                blockingBound: bound,
                                                groupRemaining: blocking.map { bound == .minimum ? held : groupLeft[$0] }))
        }
        if !reserves.isEmpty {
            // Every group has been passed: what its reserve still holds nobody can use; it returns to the pool, and
            // the candidates reserves held back are tried again in rank order (one that still does not fit keeps the
            // reason of its turn).
            for (index, candidate) in ordered.enumerated() where decisions[index].blockingBound == .minimum {
                let before = remaining
                guard candidate.cost <= remaining, !caps.contains(where: { inGroup($0, candidate) && candidate.cost > groupLeft[$0] }) else {
                    continue
                }
                fund(candidate)
                decisions[index] = AllocationDecision(proposalId: candidate.proposalId, position: decisions[index].position,
                                                      rank: candidate.rank, cost: candidate.cost, funded: true, remainingBefore: before,
                                                      remainingAfter: remaining, fundedFromReleasedReserve: true)
            }
        }
        // Funded per shared group (a group may carry both a minimum and a maximum: counted once).
        var used: [AllocationGroup: Int64] = [:]
        let groups = Set(shares.map(\.group))
        for group in groups { used[group] = 0 }
        if !groups.isEmpty {
            for (index, candidate) in ordered.enumerated() where decisions[index].funded {
                for group in groups where group.contains(isFisik: candidate.isFisik, bidangId: candidate.bidangId) {
                    used[group, default: 0] += candidate.cost
                }
            }
        }
        return AllocationResult(envelopeAmount: envelope, shares: shares, decisions: decisions,
                                fundedTotal: envelope - remaining, remaining: remaining, groupUsed: used)
    }

    /// Does any proposal id occur twice? Candidates usually come in id order (one linear pass); otherwise a set.
    static func hasDuplicateIds(_ candidates: [AllocationCandidate]) -> Bool {
        var increasing = true
        for i in candidates.indices.dropFirst() where candidates[i - 1].proposalId.rawValue >= candidates[i].proposalId.rawValue {
            increasing = false
            break
        }
        if increasing { return false }
        var seen = Set<Int64>(minimumCapacity: candidates.count)
        for candidate in candidates where !seen.insert(candidate.proposalId.rawValue).inserted { return true }
        return false
    }

    /// The transitions that apply `result` to `proposals` at `level` (F1: alokasiF1; F2: alokasiF2), per proposal:
    /// the reference form of `moves` (tests prove them equal). Refused as a whole when the level is locked for any.
    static func transitions(for result: AllocationResult, proposals: [Proposal], level: Level, by actor: Actor,
                                   at now: Date, context: WorkflowContext) throws(DomainError) -> [TransitionResult] {
        guard level != .kota else { throw .invalidInput(field: "tingkat", detail: "kota tidak memiliki pagu alokasi") }
        var byId: [ProposalID: Proposal] = [:]
        for proposal in proposals { byId[proposal.id] = proposal }
        for proposal in proposals {
            if let key = LockKey.forProposal(proposal, at: level), context.locks.contains(key) { throw .levelLocked(key) }
        }
        var results: [TransitionResult] = []
        for decision in result.decisions {
            guard let proposal = byId[decision.proposalId] else {
                throw .invalidInput(field: "alokasi", detail: "usulan \(decision.proposalId) tidak dikenal")
            }
            let action: Action = decision.funded ? .alokasiF1 : .alokasiF2
            let input = TransitionInput(action, expectedVersion: proposal.version, reason: decision.reason)
            results.append(try Workflow.transition(input, to: proposal, by: actor, at: now, context: context))
        }
        return results
    }

    /// The lean form of `transitions`: the same moves (state, version, envelope, routing) and the same
    /// events, from placements instead of full proposals (`Workflow.allocate`); refused as a whole when the
    /// level is locked for any of them.
    public static func moves(for result: AllocationResult, placements: [ProposalPlacement], level: Level, by actor: Actor,
                             at now: Date, context: WorkflowContext) throws(DomainError) -> [AllocationMove] {
        guard level != .kota else { throw .invalidInput(field: "tingkat", detail: "kota tidak memiliki pagu alokasi") }
        var byId: [ProposalID: Int] = [:]
        byId.reserveCapacity(placements.count)
        for (index, placement) in placements.enumerated() {
            byId[placement.proposalId] = index
            if let key = LockKey.forPlacement(placement, at: level), context.locks.contains(key) { throw .levelLocked(key) }
        }
        var moves: [AllocationMove] = []
        for decision in result.decisions {
            guard let index = byId[decision.proposalId] else {
                throw .invalidInput(field: "alokasi", detail: "usulan \(decision.proposalId) tidak dikenal")
            }
            moves.append(try Workflow.allocate(placements[index], funded: decision.funded, reason: decision.reason, by: actor, at: now,
                                               context: context))
        }
        return moves
    }
}
