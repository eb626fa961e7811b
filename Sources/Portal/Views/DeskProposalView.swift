import Musrenbang

/// A proposal on a staff desk (RT/RW heads, verifiers, the kecamatan's routing, Bappeda): the way back to the list,
/// the form's errors and the engine's refusal, the title with code and state, the desk's line on where the proposal
/// stands for it, everything entered, the desk's action forms, each level's latest decision and the timeline. Each
/// desk supplies only its own parts.
enum DeskProposalView {
    static func render(_ full: FullProposal, back: (href: String, label: String), errors: [FieldError], notice: RefusalNotice?,
                       standing: HTML, actions: HTML) -> HTML {
        let proposal = full.proposal
        return """
            <p class="back"><a href="\(back.href)">‹ \(back.label)</a></p>
            \(FormViews.errorSummary(errors))
            \(notice?.html ?? .empty)
            <h1>\(proposal.title)</h1>
            <p class="meta"><span class="code">\(full.code.description)</span> \(StateWords.badge(proposal.state))</p>
            \(standing)
            <h2>Rincian usulan</h2>
            \(ProposalFactsView.render(full))
            \(actions)
            <h2>Keputusan terakhir setiap tingkat</h2>
            \(DecisionsView.render(full.named))
            <h2>Riwayat</h2>
            \(TimelineView.render(full.named.events))
            """
    }
}
