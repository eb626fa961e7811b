import Musrenbang

/// Each level's latest decision with its reason (RT, RW, kelurahan, kecamatan, perangkat daerah, kota), then each
/// level's recommended volume and cost beside the proposed ones. The timeline keeps every earlier decision.
enum DecisionsView {
    static let decisions: Set<Action> = [.setujui, .kembalikan, .terima, .terimaDenganPerubahan, .tolak, .alokasiF1, .alokasiF2,
                                         .rutekanOPD, .rutekanPokir, .tetapkan, .tidakTetapkan, .koreksi]

    static func render(_ proposal: PublicProposal) -> HTML {
        // The latest decision of each deciding unit (its label names the level: "Ketua RT 01/RW 01 ...").
        var order: [String] = []
        var latest: [String: PublicEvent] = [:]
        for event in proposal.events where decisions.contains(event.action) {
            if latest[event.actor] == nil { order.append(event.actor) }
            latest[event.actor] = event
        }
        let rows = order.compactMap { latest[$0] }.map { event -> HTML in
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
