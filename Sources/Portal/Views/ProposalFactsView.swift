import Musrenbang

/// Everything entered for a proposal, as a description list: what, where, how much, for how many, by whom.
/// The proposer is named (this view is for the proposer and the area's heads); no phone, e-mail or NIK.
enum ProposalFactsView {
    static func render(_ full: FullProposal) -> HTML {
        let p = full.named
        var rows: [(String, HTML)] = [
            ("Kode pelacakan", "<strong>\(p.trackingCode.description)</strong>"),
            ("Siklus", "\(p.cycleName)"),
            ("Pengusul", "\(full.proposal.proposerName)"),
            ("Wilayah", "\(ProposalFactsView.place(p))"),
            ("Bidang", "\(p.bidangName)"),
            ("Jenis kegiatan", "\(p.kamusName) (\(p.isFisik ? "fisik" : "non-fisik"))"),
            ("Permasalahan", "<span class=\"prose\">\(p.problem)</span>"),
        ]
        let proposal = full.proposal
        if !proposal.expectedOutput.isEmpty { rows.append(("Keluaran yang diharapkan", "<span class=\"prose\">\(proposal.expectedOutput)</span>")) }
        if !proposal.expectedOutcome.isEmpty { rows.append(("Hasil yang diharapkan", "<span class=\"prose\">\(proposal.expectedOutcome)</span>")) }
        rows.append(("Lokasi", "\(p.locationText)"))
        if let latitude = p.latitude, let longitude = p.longitude {
            rows.append(("Titik lokasi", "\(latitude.description), \(longitude.description)"))
        }
        rows += costAndPath(p)
        if !full.detail.attachments.isEmpty {
            let files = full.detail.attachments.map { file -> HTML in "<li><a href=\"\(AttachmentPaths.download(file.id))\" download>\(file.fileName)</a> (\(size(file.byteCount)))</li>" }
            rows.append(("Lampiran", "<ul class=\"plain\">\(files)</ul>"))
        }
        // Pairs straight inside the <dl>, no <div> per pair: axe-core 3.1 (the browser tests' audit) and older screen
        // readers take a <div> in a <dl> for a broken list; the stylesheet lays the pairs out as a grid instead.
        let items = rows.map { label, value -> HTML in "<dt>\(label)</dt><dd>\(value)</dd>" }
        return "<dl class=\"facts\">\(items)</dl>\(PhotoGalleryView.render(full.photos))"
    }

    /// "RT 01/RW 02, Kelurahan Pondok Karya, Kecamatan Ciputat Timur".
    static func place(_ p: PublicProposal) -> String {
        [AreaWords.rtRW(rt: p.rtNumber, rw: p.rwNumber), "Kelurahan \(p.kelurahanName)", "Kecamatan \(p.kecamatanName)"]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// What the proposal costs and where it has gone (volume and SSH price, the proposed and the corrected cost, the
    /// beneficiaries, when it was sent, carried over, funded, routed): the same rows for staff and for the public.
    static func costAndPath(_ p: PublicProposal) -> [(String, HTML)] {
        var rows: [(String, HTML)] = [
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
        return rows
    }

    /// "850 KB", "1,2 MB".
    static func size(_ bytes: Int64) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 999) / 1000)) KB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
