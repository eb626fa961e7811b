import Musrenbang

/// Each level's latest decision with its reason (RT, RW, kelurahan, kecamatan, perangkat daerah, kota), then each
/// level's recommended volume and cost beside the proposed ones. The timeline keeps every earlier decision.
enum DecisionsView {
    /// The actions that decide (the rest, such as submitting or editing, are only in the timeline).
    static func isDecision(_ action: Action) -> Bool {
        switch action {
        case .setujui, .kembalikan, .terima, .terimaDenganPerubahan, .tolak, .alokasiF1, .alokasiF2, .rutekanOPD, .rutekanPokir,
             .tetapkan, .tidakTetapkan, .koreksi: true
        default: false
        }
    }

    static func render(_ proposal: PublicProposal) -> HTML {
        // The latest decision of each deciding unit (its label names the level: "Ketua RT 01/RW 01 ..."), in the order
        // the units first decided. A scan of a short list: a proposal has a dozen or two events.
        var latest: [PublicEvent] = []
        for event in proposal.events where isDecision(event.action) {
            if let index = latest.firstIndex(where: { $0.actor == event.actor }) { latest[index] = event } else { latest.append(event) }
        }
        let rows = latest.map { event -> HTML in
            let note: HTML = event.note.map { "<p class=\"note\"><span class=\"label\">\(TimelineView.noteLabel(event.action)):</span> \($0)</p>" } ?? .empty
            return """
                <li><p class="what"><strong>\(event.actor)</strong>: \(ActionWords.past(event.action))</p>
                <p class="when">\(WIBTime.format(event.at))</p>\(note)</li>
                """
        }
        let decided: HTML = rows.isEmpty
            ? "<p>Belum ada keputusan: usulan ini belum dibahas oleh Ketua RT, Ketua RW atau Musrenbang.</p>"
            : "<ul class=\"decisions\">\(rows)</ul>"
        return decided + recommendations(proposal)
    }

    private static func recommendations(_ proposal: PublicProposal) -> HTML {
        guard !proposal.recommendations.isEmpty else { return .empty }
        let rows = proposal.recommendations.map { item -> HTML in
            """
            <tr><th scope="row">\(item.level.recommenderName)</th>
            <td>\(Rupiah.groupDigits(UInt64(max(0, item.volume)))) \(proposal.unit)</td><td>\(Rupiah.format(item.cost))</td><td>\(item.note)</td></tr>
            """
        }
        return """
            <table class="stack">
            <caption>Rekomendasi volume dan biaya (diusulkan: \(Rupiah.groupDigits(UInt64(max(0, proposal.volume)))) \(proposal.unit), \(Rupiah.format(proposal.cost)))</caption>
            <thead><tr><th scope="col">Tingkat</th><th scope="col">Volume</th><th scope="col">Biaya</th><th scope="col">Catatan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }
}
