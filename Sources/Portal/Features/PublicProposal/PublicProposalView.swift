import Musrenbang

/// The public page of a published proposal: what, where, at what cost, its bidang and kamus, each level's decision
/// with its reason, and its whole timeline. Built only from `PublicProposal`, which holds no personal data and names
/// the proposer only as "Warga RT 01/RW 02". Its photos are their small versions only (re-encoded at upload, so none of
/// the phone's metadata); the originals stay with the proposer and the staff.
enum PublicProposalView {
    static func render(_ p: PublicProposal, photos: [ProposalPhoto]) -> HTML {
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
        <p><a href="\(PublicProposalPaths.track)">Lacak usulan lain</a></p>
        """
    }

    private static func facts(_ p: PublicProposal) -> HTML {
        let place = [AreaWords.rtRW(rt: p.rtNumber, rw: p.rwNumber), "Kelurahan \(p.kelurahanName)", "Kecamatan \(p.kecamatanName)"]
            .compactMap { $0 }.joined(separator: ", ")
        var rows: [(String, HTML)] = [
            ("Kode pelacakan", "<strong>\(p.trackingCode.description)</strong>"),
            ("Siklus", "\(p.cycleName)"),
            ("Pengusul", "\(p.proposerLabel)"),
            ("Wilayah", "\(place)"),
            ("Lokasi", "\(p.locationText)"),
            ("Bidang", "\(p.bidangName)"),
            ("Jenis kegiatan", "\(p.kamusName) (\(p.isFisik ? "fisik" : "non-fisik"))"),
            ("Permasalahan", "<span class=\"prose\">\(p.problem)</span>"),
            ("Volume", "\(Rupiah.groupDigits(UInt64(max(0, p.volume)))) \(p.unit)"),
            ("Harga satuan (SSH)", "\(Rupiah.format(p.unitPrice)) per \(p.unit)"),
            ("Biaya diusulkan", "<strong>\(Rupiah.format(p.cost))</strong>"),
        ]
        if p.effectiveCost != p.cost { rows.append(("Biaya yang berlaku", "<strong>\(Rupiah.format(p.effectiveCost))</strong>")) }
        rows.append(("Penerima manfaat", "\(Rupiah.groupDigits(UInt64(max(0, p.beneficiaries)))) orang"))
        if let submitted = p.submittedAt { rows.append(("Diajukan", "\(WIBTime.format(submitted))")) }
        if let from = p.carriedFrom { rows.append(("Dibawa dari", "usulan \(from.description) siklus sebelumnya")) }
        if let envelope = p.envelopeName { rows.append(("Didanai dari", "\(envelope)")) }
        if let opd = p.routedOPDName { rows.append(("Diteruskan ke", "\(opd)")) }
        let items = rows.map { label, value -> HTML in "<dt>\(label)</dt><dd>\(value)</dd>" }
        return "<dl class=\"facts\">\(items)</dl>"
    }
}
