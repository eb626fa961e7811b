import Musrenbang

/// The public page of a published proposal: what, where, at what cost, its bidang and kamus, each level's decision
/// with its reason, and its whole timeline. Built only from `PublicProposal`, which holds no personal data and names
/// the proposer only as "Warga RT 01/RW 02". Its photos are their small versions only (re-encoded at upload, so none of
/// the phone's metadata); the originals stay with the proposer and the staff.
enum PublicProposalView {
    static func render(_ p: PublicProposal, photos: [ProposalPhoto], comments: HTML = .empty) -> HTML {
        """
        <p class="code">\(p.trackingCode.description)</p>
        <h1>\(p.title)</h1>
        <p>\(StateWords.badge(p.state))</p>
        \(PhotoGalleryView.render(photos, linkOriginals: false))
        \(facts(p))
        <h2>Keputusan tiap tingkat</h2>
        \(DecisionsView.render(p))
        <h2>Riwayat usulan</h2>
        \(TimelineView.render(p.events))
        \(comments)
        <p><a href="\(PublicProposalPaths.track)">Lacak usulan lain</a></p>
        """
    }

    private static func facts(_ p: PublicProposal) -> HTML {
        var rows: [(String, HTML)] = [
            ("Kode pelacakan", "<strong>\(p.trackingCode.description)</strong>"),
            ("Siklus", "\(p.cycleName)"),
            ("Pengusul", "\(p.proposerLabel)"),
            ("Wilayah", "\(ProposalFactsView.place(p))"),
            ("Lokasi", "\(p.locationText)"),
            ("Bidang", "\(p.bidangName)"),
            ("Jenis kegiatan", "\(p.kamusName) (\(p.isFisik ? "fisik" : "non-fisik"))"),
            ("Permasalahan", "<span class=\"prose\">\(p.problem)</span>"),
        ]
        rows += ProposalFactsView.costAndPath(p)
        let items = rows.map { label, value -> HTML in "<dt>\(label)</dt><dd>\(value)</dd>" }
        return "<dl class=\"facts\">\(items)</dl>"
    }
}
