import Foundation

/// Who may see what (domain.md "Visibility"). Pure: the clock is a parameter. The list reads apply the same
/// rule as SQL (`VisibilityCondition`); a test checks that both agree.
public enum Visibility {
    /// Kelurahan verification results become public when the kecamatan Musrenbang opens.
    public static func kelurahanResultsArePublic(cycle: Cycle, at now: Date) -> Bool {
        guard let opens = cycle.windows[.kecamatan]?.opensAt else { return false }
        return now >= opens
    }

    /// Whether `viewer` may see a cycle's recap (counts and sums of its proposals, `MusrenbangService.cycleRecap`):
    /// Bappeda at any time, everyone else once the kelurahan results are public. Drafts are never counted.
    public static func canViewRecap(_ cycle: Cycle, viewer: Viewer, at now: Date) -> Bool {
        viewer.actor?.role == .bappeda || kelurahanResultsArePublic(cycle: cycle, at: now)
    }

    /// Whether a cycle's ceilings (pagu) are public with their inputs and computation: from the opening of its
    /// pra-Musrenbang, when residents start proposing against them. Before that Bappeda is still preparing them
    /// (preview, save, compute again); afterwards every change needs a reason once a berita acara is signed, and the
    /// public sees the ceilings in force. What each envelope funds follows `canViewResults` of its level.
    public static func ceilingsArePublic(cycle: Cycle, at now: Date) -> Bool {
        guard let opens = cycle.windows[.praMusrenbang]?.opensAt else { return false }
        return now >= opens
    }

    /// Whether a level's deliberation (its allocation runs, its berita acara) is public: when the next stage opens
    /// (kelurahan: the kecamatan Musrenbang; kecamatan: the OPD forum; OPD: the kota Musrenbang). The kota's own
    /// berita acara is public once signed.
    public static func levelResultsArePublic(_ level: Level, cycle: Cycle, at now: Date) -> Bool {
        let next: Stage? = switch level {
        case .kelurahan: .kecamatan
        case .kecamatan: .opd
        case .opd: .kota
        case .kota: nil
        }
        guard let next else { return true }
        guard let opens = cycle.windows[next]?.opensAt else { return false }
        return now >= opens
    }

    /// Whether a proposal is public: it left the draft and the kecamatan Musrenbang of its cycle has opened.
    /// (Its stage does not matter: an F2 passed up by the kelurahan berita acara waits like its neighbours.)
    public static func isPublic(_ proposal: Proposal, cycle: Cycle, at now: Date) -> Bool {
        proposal.state != draft && kelurahanResultsArePublic(cycle: cycle, at: now)
    }

    /// What `viewer` may see of `proposal` at `now` (domain.md "Visibility", docs/domain-model.md):
    /// its proposer and the account that entered it always; a draft nobody else, except the kelurahan's operators for
    /// a paper form entered by staff; RT/RW heads and kelurahan staff the non-drafts of their area; OPD verifiers what
    /// was routed to them; Bappeda every non-draft; everyone else (kecamatan staff, admin, other residents, the
    /// public) only what is public. Kecamatan staff get the full record of their own kecamatan's public proposals.
    public static func access(_ proposal: Proposal, viewer: Viewer, cycle: Cycle, at now: Date) -> ProposalAccess {
        let isPublic = isPublic(proposal, cycle: cycle, at: now)
        guard let actor = viewer.actor else { return isPublic ? .publicOnly : .hidden }
        if proposal.proposerAccountId == actor.accountId || proposal.enteredBy == actor.accountId { return .full }
        let inScope = actor.covers(proposal)
        if proposal.state == draft {
            return actor.role == .operatorKelurahan && inScope && !proposal.isEnteredByProposer ? .full : .hidden
        }
        switch actor.role {
        case .ketuaRT, .ketuaRW, .operatorKelurahan, .verifikatorKelurahan, .verifikatorOPD:
            if inScope { return .full }
        case .bappeda:
            if inScope { return .full }
        case .operatorKecamatan, .camat:
            if isPublic && inScope { return .full }
        case .warga, .adminSistem:
            break
        }
        return isPublic ? .publicOnly : .hidden
    }

    /// Whether `viewer` may see `proposal` at all (`access` is not `.hidden`).
    public static func canView(_ proposal: Proposal, viewer: Viewer, cycle: Cycle, at now: Date) -> Bool {
        access(proposal, viewer: viewer, cycle: cycle, at: now) != .hidden
    }

    /// `canView` with nil for the public.
    public static func canView(_ proposal: Proposal, actor: Actor?, cycle: Cycle, at now: Date) -> Bool {
        canView(proposal, viewer: actor.map(Viewer.actor) ?? .public, cycle: cycle, at: now)
    }


    static let draft = ProposalState(.praMusrenbang, .draft)
}

extension Visibility {
    /// Whether `viewer` may see a level's deliberation for one unit (its allocation runs with their decisions, its
    /// berita acara): its own staff and Bappeda always, everyone once `levelResultsArePublic`.
    public static func canViewResults(of key: LockKey, viewer: Viewer, cycle: Cycle, at now: Date) -> Bool {
        if levelResultsArePublic(key.level, cycle: cycle, at: now) { return true }
        guard let actor = viewer.actor else { return false }
        return switch (key, actor.role, actor.scope) {
        case (_, .bappeda, .kota): true
        case (.kelurahan(let id), .operatorKelurahan, .kelurahan(let s)), (.kelurahan(let id), .verifikatorKelurahan, .kelurahan(let s)):
            id == s
        case (.kecamatan(let id), .operatorKecamatan, .kecamatan(let s)), (.kecamatan(let id), .camat, .kecamatan(let s)):
            id == s
        case (.opd(let id), .verifikatorOPD, .opd(let s)): id == s
        default: false
        }
    }
}
