import Foundation

/// `Visibility.canView` as an SQL condition over `proposals p`, so that list reads page and count only what the
/// viewer may see. `ReadsVisibilityTests` checks it against the Swift rule on seeded proposals, viewers and times.
enum VisibilityCondition {
    /// The condition for `viewer` within one cycle; `resultsPublic` is `Visibility.kelurahanResultsArePublic` of
    /// that cycle now.
    static func fragment(for viewer: Viewer, resultsPublic: Bool) -> SQLFragment {
        let isDraft = SQLFragment("p.stage = ? AND p.status = ?", [Stage.praMusrenbang.rawValue, ProposalStatus.draft.rawValue])
        let notDraft = SQLFragment("NOT (p.stage = ? AND p.status = ?)", isDraft.values)
        let isPublic = resultsPublic ? notDraft : .none
        guard let actor = viewer.actor else { return isPublic }
        let account = actor.accountId.rawValue
        let own = SQLFragment("p.proposer_account_id = ? OR p.entered_by = ?", [account, account])
        var parts = [own]
        if let scoped = scopeCondition(actor) { parts.append(.and([notDraft, scoped])) }
        if resultsPublic { parts.append(notDraft) }
        if actor.role == .operatorKelurahan, case .kelurahan(let id) = actor.scope {
            let paper = SQLFragment("p.kelurahan_id = ? AND (p.proposer_account_id IS NULL OR p.proposer_account_id <> p.entered_by)",
                                    [id.rawValue])
            parts.append(.and([isDraft, paper]))
        }
        return .or(parts)
    }

    /// The non-draft proposals the actor sees by its role and scope beyond what is public (nil: none).
    private static func scopeCondition(_ actor: Actor) -> SQLFragment? {
        switch (actor.role, actor.scope) {
        case (.ketuaRT, .rt(let id)): SQLFragment("p.rt_id = ?", [id.rawValue])
        case (.ketuaRW, .rw(let id)): SQLFragment("p.rw_id = ?", [id.rawValue])
        case (.operatorKelurahan, .kelurahan(let id)), (.verifikatorKelurahan, .kelurahan(let id)):
            SQLFragment("p.kelurahan_id = ?", [id.rawValue])
        case (.verifikatorOPD, .opd(let id)): SQLFragment("p.routed_opd_id = ?", [id.rawValue])
        case (.bappeda, .kota): .all
        default: nil
        }
    }
}
