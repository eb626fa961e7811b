import Foundation

/// The delegates' live entry at the kelurahan Musrenbang (the seeds: "diinput langsung oleh masyarakat (delegasi
/// masyarakat) pada saat musrenbang berlangsung"). After the pra-Musrenbang has closed, the kelurahan operator types in
/// what the delegates propose at the meeting, inside the kelurahan Musrenbang's window and while the kelurahan's results
/// are not yet locked by its berita acara. Such a proposal has no RT/RW round: the meeting itself receives it, so it is
/// created and submitted in one step, straight into the kelurahan verification (never left as a draft that no window
/// would let anyone submit).
extension Workflow {
    /// Whether `submitNew` makes a live entry of the kelurahan Musrenbang: the operator's proposal marked as the
    /// delegates' live entry, once the pra-Musrenbang has closed and while the kelurahan Musrenbang is open.
    public static func isLiveEntryAtKelurahanMeeting(_ new: NewProposal, by actor: Actor, at now: Date, cycle: Cycle) -> Bool {
        actor.role == .operatorKelurahan && new.channel == .liveMeeting && takesOnlyLiveEntry(cycle, at: now)
    }

    /// Whether new proposals are taken only as the delegates' live entry: the pra-Musrenbang has closed and the
    /// kelurahan Musrenbang is open (the operator's form then offers that channel and says why).
    public static func takesOnlyLiveEntry(_ cycle: Cycle, at now: Date) -> Bool {
        !cycle.isOpen(.praMusrenbang, at: now) && cycle.isOpen(.kelurahan, at: now)
    }

    /// Creates the delegates' proposal and submits it into the kelurahan verification: the `buat` event (its note the
    /// channel) and the `ajukan` event, refused for any other role or channel, outside the kelurahan Musrenbang's
    /// window, for another kelurahan (as `create`), and once the kelurahan is locked.
    public static func enterLive(_ new: NewProposal, kamus: KamusItem, id: ProposalID, trackingCode: TrackingCode, by actor: Actor,
                                 at now: Date, context: WorkflowContext) throws(DomainError) -> (created: TransitionResult, submitted: TransitionResult) {
        guard actor.role == .operatorKelurahan else { throw .roleNotAllowed(role: actor.role, action: Action.buat.displayName) }
        guard new.channel == .liveMeeting else {
            throw .invalidInput(field: "cara usulan masuk", detail: "saat Musrenbang kelurahan hanya usulan yang diinput langsung oleh delegasi")
        }
        let created = try create(new, kamus: kamus, id: id, trackingCode: trackingCode, by: actor, at: now, cycle: context.cycle,
                                 window: .kelurahan)
        let lock = LockKey.kelurahan(created.proposal.origin.kelurahanId)
        guard !context.locks.contains(lock) else { throw .levelLocked(lock) }
        var submitted = created.proposal
        submitted.state = ProposalState(.kelurahan, .verifikasi)
        submitted.submittedAt = now
        return (created, recorded(submitted, from: created.proposal, action: .ajukan, by: actor, at: now, note: nil, changes: [], flags: []))
    }
}
