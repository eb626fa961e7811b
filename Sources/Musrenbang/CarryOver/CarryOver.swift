import Foundation

/// The result of carrying a proposal into a new cycle: the old proposal marked (event in its history)
/// and the new draft linked to it.
public struct CarryOverResult: Hashable, Sendable {
    public var original: TransitionResult
    public var carried: TransitionResult
}

/// Carry-over of last cycle's unfunded proposals (domain.md): the proposer or the operator creates a new
/// draft in the new cycle with `carriedFrom` set; its cost is recomputed at the current SSH price.
public enum CarryOver {
    /// The proposals of `proposals` that may be carried over.
    public static func eligible(_ proposals: [Proposal]) -> [Proposal] {
        proposals.filter { $0.state.isCarryOverEligible }
    }

    /// Carries `original` (of `originalContext.cycle`) into `newCycle` as draft `newId` / `trackingCode`.
    /// `kamus` is the current kamus item of the activity (its price may have changed).
    /// Guards: the original's cycle is finished (`Cycle.isFinished`), the new cycle is later, the original ended
    /// unfunded and is in the actor's scope (via the transition table), and the new cycle's pra-Musrenbang window
    /// is open.
    public static func carry(_ original: Proposal, expectedVersion: Int64, originalContext: WorkflowContext,
                             into newCycle: Cycle, newId: ProposalID, trackingCode: TrackingCode, kamus: KamusItem,
                             by actor: Actor, at now: Date) throws(DomainError) -> CarryOverResult {
        guard originalContext.cycle.isFinished(at: now, locks: originalContext.locks) else {
            throw .cycleNotFinished(name: originalContext.cycle.name)
        }
        guard newCycle.budgetYear > originalContext.cycle.budgetYear else {
            throw .invalidInput(field: "siklus tujuan", detail: "harus siklus sesudah \(originalContext.cycle.budgetYear)")
        }
        // Checks eligibility, role and scope on the original before anything is created.
        let probe = TransitionInput(.bawaKeSiklusBerikut, expectedVersion: expectedVersion)
        _ = try Workflow.apply(probe, to: original, by: actor, at: now, context: originalContext)

        let new = NewProposal(origin: original.origin, proposerAccountId: original.proposerAccountId,
                              proposerName: original.proposerName, title: original.title, problem: original.problem,
                              kamusId: kamus.id, volume: original.volume, locationText: original.locationText,
                              latitude: original.latitude, longitude: original.longitude,
                              beneficiaries: original.beneficiaries, carriedFrom: original.id)
        var withOutputs = new
        withOutputs.content.expectedOutput = original.expectedOutput
        withOutputs.content.expectedOutcome = original.expectedOutcome
        let carried = try Workflow.create(withOutputs, kamus: kamus, id: newId, trackingCode: trackingCode, by: actor, at: now, cycle: newCycle)
        let note = "Dibawa ke siklus \(newCycle.name) sebagai \(trackingCode)"
        let mark = TransitionInput(.bawaKeSiklusBerikut, expectedVersion: expectedVersion, reason: note)
        let marked = try Workflow.apply(mark, to: original, by: actor, at: now, context: originalContext)
        return CarryOverResult(original: marked, carried: carried)
    }
}
