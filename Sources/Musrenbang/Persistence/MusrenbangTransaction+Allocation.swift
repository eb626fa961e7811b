import Foundation
import Storage

/// Ranking, allocation runs and the berita acara of an envelope, on the session's open transaction.
extension MusrenbangTransaction {
    /// The proposals competing for `envelope` (its level's candidate states, in its area or routed to its OPD).
    public func candidates(for envelope: FundingEnvelope, cycleId: CycleID) throws -> [Proposal] {
        try read { db in try ProposalRepository(db).list(Self.candidateFilter(envelope, cycleId: cycleId)) }
    }

    /// The filter that selects the candidates of `envelope` (its level's candidate states, its area or OPD).
    public static func candidateFilter(_ envelope: FundingEnvelope, cycleId: CycleID) -> ProposalFilter {
        let stage = envelope.level.stage
        let states = [ProposalState(stage, .diterima), ProposalState(stage, .diterimaDenganPerubahan)]
        return switch envelope {
        case .kelurahan(let id): ProposalFilter(cycleId: cycleId, kelurahanId: id, states: states)
        case .kecamatan(let id): ProposalFilter(cycleId: cycleId, kecamatanId: id, states: states)
        case .opd(let id): ProposalFilter(cycleId: cycleId, routedOPDId: id, states: states)
        }
    }

    /// Stores criterion scores (1-5) given by the envelope's owner and re-ranks the envelope's candidates: every
    /// candidate with complete scores gets a unique rank (ties by earlier submission), the others none. A score that
    /// changes is kept in `proposal_score_history`. When the meeting has reordered by hand, re-ranking from the
    /// scores replaces that order only when asked (`resetManualOrder`, with a reason, logged); otherwise it is
    /// refused (`manualOrderInPlace`) and nothing is stored.
    @discardableResult
    public func rank(_ envelope: FundingEnvelope, cycleId: CycleID, scores: [ProposalID: [ScoringCriterionID: Int]],
                     resetManualOrder: Bool = false, reason: String? = nil, by actor: Actor) throws -> [RankedProposal] {
        let now = clock.now()
        return try write { db in
            let (cycle, _) = try self.requireEnvelopeOpen(envelope, cycleId: cycleId, by: actor, at: now, db: db)
            let level = envelope.level
            let proposals = ProposalRepository(db), filter = Self.candidateFilter(envelope, cycleId: cycleId)
            // Light rows: ids and submission times (ties) of the candidates, with their stored scores.
            let before = try proposals.scoreSheets(filter, level: level)
            let ids = Set(before.map(\.proposalId))
            let criteria = try CycleRepository(db).scoringCriteria(cycleId: cycle.id)
            let criterionIds = Set(criteria.map(\.id))
            var entries: [(proposalId: ProposalID, criterionId: ScoringCriterionID, score: Int)] = []
            for (proposalId, sheet) in scores {
                guard ids.contains(proposalId) else { throw DomainError.notInScope }
                for (criterion, score) in sheet {
                    guard criterionIds.contains(criterion) else {
                        throw DomainError.invalidInput(field: "kriteria", detail: "kriteria \(criterion) bukan kriteria siklus ini")
                    }
                    guard ScoringCriterion.scoreRange.contains(score) else {
                        throw DomainError.invalidInput(field: "nilai", detail: "1 sampai 5")
                    }
                    entries.append((proposalId, criterion, score))
                }
            }
            let rankings = RankingRepository(db)
            if try proposals.manualRankCount(filter, level: level) > 0 {
                guard resetManualOrder else { throw DomainError.manualOrderInPlace }
                let note = Workflow.trimmed(reason ?? "")
                guard !note.isEmpty else { throw DomainError.reasonRequired(action: "atur ulang urutan") }
                try rankings.logReset(cycleId: cycle.id, envelope: envelope, reason: note, by: actor.accountId, at: now)
            }
            var previous: [ProposalID: [ScoringCriterionID: Int]] = [:]
            for sheet in before { previous[sheet.proposalId] = sheet.scores }
            try rankings.saveScores(entries, previous: previous, level: level, by: actor.accountId, at: now)
            let sheets = try proposals.scoreSheets(filter, level: level)
            let complete = sheets.filter { criterionIds.isSubset(of: $0.scores.keys) }
            let ranked = try Ranking.rank(complete, criteria: criteria)
            try rankings.saveRankings(ranked, level: level)
            // Unique ranks: a candidate whose scores are incomplete holds no rank (allocation refuses until it has one).
            let rankedIds = Set(ranked.map(\.proposalId))
            try rankings.removeRankings(sheets.map(\.proposalId).filter { !rankedIds.contains($0) }, level: level)
            return ranked
        }
    }

    /// Manual reorder by the meeting: moves a proposal to `position` in the envelope's ranking, with the reason the
    /// meeting gave (one logged `ubah_peringkat` event per proposal whose rank changes). The order survives a
    /// re-rank from the scores unless that re-rank resets it explicitly (`rank(resetManualOrder:)`).
    public func reorder(_ envelope: FundingEnvelope, cycleId: CycleID, moving proposalId: ProposalID, to position: Int,
                        note: String?, by actor: Actor) throws {
        let now = clock.now()
        try write { db in
            _ = try self.requireEnvelopeOpen(envelope, cycleId: cycleId, by: actor, at: now, db: db)
            guard !Workflow.trimmed(note ?? "").isEmpty else { throw DomainError.reasonRequired(action: Action.ubahPeringkat.displayName) }
            let context = try self.context(cycleId: cycleId, db: db)
            let level = envelope.level
            let candidates = try ProposalRepository(db).list(Self.candidateFilter(envelope, cycleId: cycleId))
            try self.requireRanked(candidates.filter { $0.ranks[level] == nil }.map(\.id), db: db)
            let order = candidates.sorted { ($0.ranks[level] ?? Int.max, $0.id) < ($1.ranks[level] ?? Int.max, $1.id) }.map(\.id)
            let newOrder = try Ranking.reorder(order, moving: proposalId, to: position)
            let results = try Ranking.applyManualOrder(newOrder, proposals: candidates, level: level, note: note, by: actor,
                                                       at: now, context: context)
            var byId: [ProposalID: Proposal] = [:]
            for p in candidates { byId[p.id] = p }
            for result in results { try self.store(result, replacing: byId[result.proposal.id]!, db: db) }
        }
    }

    /// Runs the F1/F2 allocation of an envelope as the draft its meeting reviews: the run and every decision
    /// with its reason are stored, no proposal moves. Re-runnable until the level is locked; the berita acara
    /// (`lockLevel`) applies the run the meeting reviewed. Refused while a candidate has no rank.
    public func runAllocation(_ envelope: FundingEnvelope, cycleId: CycleID, by actor: Actor) throws -> AllocationOutcome {
        let now = clock.now()
        return try write { db in
            _ = try self.requireEnvelopeOpen(envelope, cycleId: cycleId, by: actor, at: now, db: db)
            let candidates = try ProposalRepository(db).allocationCandidates(Self.candidateFilter(envelope, cycleId: cycleId),
                                                                            level: envelope.level)
            let result = try self.compute(envelope, candidates: candidates, cycleId: cycleId, db: db)
            let runId = try AllocationRepository(db).save(result, cycleId: cycleId, envelope: envelope, by: actor.accountId, at: now)
            return AllocationOutcome(runId: runId, result: result)
        }
    }

    /// Locks a level's results with its berita acara. Refused while proposals still wait for the level's decision
    /// (named). For a kelurahan, kecamatan or OPD it applies `runId`, the envelope's latest run, which the meeting
    /// reviewed: refused (`allocationRunOutdated`, saying what changed) when the candidates, their ranks or costs,
    /// the ceiling or the shares are no longer what that run used, so that what is signed is what was shown. F1 is
    /// funded, F2 passed up, one event per proposal. Nothing is locked or moved when any of it is refused.
    @discardableResult
    public func lockLevel(_ key: LockKey, cycleId: CycleID, runId: Int64? = nil, documentNumber: String, note: String = "",
                          by actor: Actor) throws -> LevelLock {
        let now = clock.now()
        return try write { db in
            let context = try self.context(cycleId: cycleId, db: db)
            var lock = try LevelLock.lock(key, cycle: context.cycle, documentNumber: documentNumber, note: note, by: actor,
                                          at: now, existing: context.locks)
            try self.requireNothingPending(key, cycleId: cycleId, db: db)
            if let envelope = FundingEnvelope(lockKey: key) {
                let proposals = ProposalRepository(db)
                let rows = try proposals.allocationPlacements(Self.candidateFilter(envelope, cycleId: cycleId), level: key.level)
                if let runId {
                    let result = try self.reviewed(runId, envelope: envelope, candidates: rows.map(\.candidate), cycleId: cycleId, db: db)
                    let moves = try Allocation.moves(for: result, placements: rows.map(\.placement), level: key.level, by: actor,
                                                     at: now, context: context)
                    try proposals.apply(moves, at: now)
                    try EventRepository(db).append(contentsOf: moves.lazy.map(\.event))
                    lock.runId = runId
                } else if !rows.isEmpty {
                    throw DomainError.allocationRunOutdated(runId: nil, changes: [])
                }
            } else if runId != nil {
                throw DomainError.invalidInput(field: "hasil alokasi", detail: "Musrenbang kota tidak memiliki alokasi pagu")
            }
            try LockRepository(db).insert(lock)
            cache.contexts[cycleId] = nil
            return lock
        }
    }

    /// The allocation of `envelope` over `candidates` as it stands: ranked candidates only, the ceiling less what
    /// is already funded from it (a Bappeda correction), the shares in force for the envelope.
    func compute(_ envelope: FundingEnvelope, candidates: [AllocationCandidate], cycleId: CycleID,
                 db: Connection) throws -> AllocationResult {
        try requireRanked(candidates.filter { $0.rank == Int.max }.map(\.proposalId), db: db)
        guard let ceiling = try CeilingRepository(db).amount(of: envelope, cycleId: cycleId) else {
            throw DomainError.missingInput(field: "pagu \(envelope.displayName)")
        }
        let funded = try ProposalRepository(db).fundedTotal(of: envelope, cycleId: cycleId)
        let shares = try CycleRepository(db).groupShares(cycleId: cycleId, envelope: envelope)
        return try Allocation.run(envelope: max(0, ceiling - funded), candidates: candidates, shares: shares)
    }

    /// The result of run `runId` when it is still what the allocation gives now (the meeting's reviewed draft);
    /// otherwise `allocationRunOutdated` with what changed, in words.
    private func reviewed(_ runId: Int64, envelope: FundingEnvelope, candidates: [AllocationCandidate], cycleId: CycleID,
                          db: Connection) throws -> AllocationResult {
        let runs = AllocationRepository(db)
        guard let run = try runs.run(id: runId), run.cycleId == cycleId, run.envelope == envelope else {
            throw DomainError.invalidInput(field: "hasil alokasi", detail: "alokasi nomor \(runId) bukan alokasi pagu ini")
        }
        if let latest = try runs.latestRun(cycleId: cycleId, envelope: envelope), latest.id != runId {
            throw DomainError.allocationRunOutdated(runId: runId, changes: ["ada hasil alokasi yang lebih baru, nomor \(latest.id)"])
        }
        let now = try compute(envelope, candidates: candidates, cycleId: cycleId, db: db)
        let changes = AllocationRunComparison(stored: try runs.storedDecisions(runId: runId), storedAmount: run.envelopeAmount,
                                              storedShares: run.sharesJSON, current: now).changes
        guard changes.isEmpty else { throw DomainError.allocationRunOutdated(runId: runId, changes: changes) }
        return now
    }

    /// Refuses while candidates have no rank, naming a few.
    private func requireRanked(_ unranked: [ProposalID], db: Connection) throws {
        guard !unranked.isEmpty else { return }
        let codes = try ProposalRepository(db).trackingCodes(ids: unranked.sorted(), limit: 5)
        throw DomainError.unrankedCandidates(count: unranked.count, codes: codes)
    }

    /// A level is locked only when its own work is done: nothing waits for its verification (for the kota: every
    /// funded proposal is ratified or not).
    private func requireNothingPending(_ key: LockKey, cycleId: CycleID, db: Connection) throws {
        let filter: ProposalFilter = switch key {
        case .kelurahan(let id): ProposalFilter(cycleId: cycleId, kelurahanId: id, states: [ProposalState(.kelurahan, .verifikasi)])
        case .kecamatan(let id): ProposalFilter(cycleId: cycleId, kecamatanId: id, states: [ProposalState(.kecamatan, .verifikasi)])
        case .opd(let id): ProposalFilter(cycleId: cycleId, routedOPDId: id, states: [ProposalState(.opd, .verifikasi)])
        case .kota: ProposalFilter(cycleId: cycleId, states: [ProposalState(.kelurahan, .didanai), ProposalState(.kecamatan, .didanai),
                                                              ProposalState(.opd, .didanai)])
        }
        let (count, codes) = try ProposalRepository(db).trackingCodes(filter, limit: 5)
        guard count == 0 else { throw DomainError.workPending(key, count: count, codes: codes) }
    }

    /// The envelope's owner acts, the level is not locked, and its stage is open.
    func requireEnvelopeOpen(_ envelope: FundingEnvelope, cycleId: CycleID, by actor: Actor, at now: Date,
                             db: Connection) throws -> (Cycle, Set<LockKey>) {
        guard actor.owns(envelope) else {
            // The level's own role with another area or OPD is out of scope; any other role may not allocate.
            let owners: [Role] = switch envelope.level {
            case .kelurahan: [.verifikatorKelurahan]
            case .kecamatan: [.camat, .operatorKecamatan]
            default: [.verifikatorOPD]
            }
            if owners.contains(actor.role) { throw DomainError.notInScope }
            throw DomainError.roleNotAllowed(role: actor.role, action: "alokasi pagu")
        }
        let context = try self.context(cycleId: cycleId, db: db)
        guard !context.locks.contains(envelope.lockKey) else { throw DomainError.levelLocked(envelope.lockKey) }
        try context.cycle.requireOpen(envelope.level.stage, at: now)
        return (context.cycle, context.locks)
    }
}
