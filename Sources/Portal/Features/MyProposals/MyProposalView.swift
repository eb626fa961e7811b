import Musrenbang

/// A resident's own proposal: its state in words, what they may do now (edit, resubmit, carry over), everything
/// entered, each level's decision with its reason, and the whole timeline.
enum MyProposalView {
    static func render(_ full: FullProposal, actions: ResidentActions, csrfToken: String, notice: RefusalNotice? = nil) -> HTML {
        let proposal = full.proposal
        return """
            <p class="back"><a href="\(MyProposalsPaths.list)">‹ Usulan saya</a></p>
            \(notice?.html ?? .empty)
            <h1>\(proposal.title)</h1>
            <p class="meta"><span class="code">\(full.code.description)</span> \(StateWords.badge(proposal.state))</p>
            <section class="next-step" aria-labelledby="langkah">
            <h2 id="langkah">Yang dapat Anda lakukan</h2>
            \(next(full, actions: actions, csrfToken: csrfToken))
            </section>
            <h2>Rincian usulan</h2>
            \(ProposalFactsView.render(full))
            <h2>Keputusan terakhir setiap tingkat</h2>
            \(DecisionsView.render(full.named))
            <h2>Riwayat</h2>
            \(TimelineView.render(full.named.events))
            """
    }

    private static func next(_ full: FullProposal, actions: ResidentActions, csrfToken: String) -> HTML {
        let code = full.code
        let version: HTML = """
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="versi" value="\(full.proposal.version)">
            """
        var parts: [HTML] = []
        if let reason = actions.returnReason {
            parts.append("<div class=\"returned\"><p><strong>Usulan ini dikembalikan kepada Anda.</strong></p><p><span class=\"label\">Alasan:</span> \(reason)</p></div>")
        }
        if let closed = actions.closedStage { parts.append("<p class=\"notice\">\(closed)</p>") }
        if actions.canEdit {
            let link: HTML = actions.canResubmit
                ? "<p>Perbaiki usulan sesuai alasan di atas, lalu ajukan kembali.</p><p><a class=\"button secondary\" href=\"\(MyProposalsPaths.edit(code))\">Ubah usulan</a></p>"
                : "<p>Usulan ini masih draf: lengkapi, periksa, lalu ajukan.</p><p><a class=\"button\" href=\"\(MyProposalsPaths.edit(code))\">Lengkapi dan ajukan</a></p>"
            parts.append(link)
        }
        if actions.canResubmit {
            parts.append("""
                <form method="post" action="\(MyProposalsPaths.resubmit(code))">
                \(version)
                <p>Sudah diperbaiki, atau alasannya sudah terjawab? Ajukan kembali; usulan akan diperiksa lagi.</p>
                <button type="submit" class="button">Ajukan kembali</button>
                </form>
                """)
        }
        if let cycle = actions.carryInto {
            parts.append("""
                <form method="post" action="\(MyProposalsPaths.carryOver(code))">
                \(version)
                <p>Usulan ini belum didanai. Anda dapat membawanya ke \(cycle.name) sebagai draf baru yang merujuk ke usulan ini;
                biayanya dihitung lagi dengan harga satuan yang berlaku sekarang. Periksa drafnya, lalu ajukan.</p>
                <button type="submit" class="button">Bawa ke \(cycle.name)</button>
                </form>
                """)
        }
        if let note = actions.carriedNote { parts.append("<p>\(note).</p>") }
        if parts.isEmpty { parts.append("<p>\(waitingText(full.proposal.state))</p>") }
        return .join(parts)
    }

    /// What happens next while nothing is asked of the resident.
    static func waitingText(_ state: ProposalState) -> String {
        switch (state.stage, state.status) {
        case (.praMusrenbang, .diajukan): "Tidak ada yang perlu Anda lakukan. Ketua RT akan memeriksa usulan Anda, lalu Ketua RW."
        case (.praMusrenbang, .disetujuiRT): "Tidak ada yang perlu Anda lakukan. Ketua RW akan memeriksa usulan Anda."
        case (_, .verifikasi): "Tidak ada yang perlu Anda lakukan. Usulan Anda akan dibahas pada \(state.stage.displayName)."
        case (_, .ditolak), (.kota, .tidakDitetapkan), (.opd, .f2):
            "Usulan ini tidak didanai pada siklus ini. Setelah siklus selesai, Anda dapat membawanya ke siklus berikutnya dari halaman ini."
        default: "Tidak ada yang perlu Anda lakukan sekarang. Perkembangan usulan Anda tercatat pada riwayat di bawah."
        }
    }
}
