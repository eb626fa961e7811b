import Musrenbang

/// A resident's proposals, the current cycle first and older cycles after it: per proposal its tracking code,
/// title (a link to its page), state in words and cost; an empty state that says how to start.
enum MyProposalsView {
    static func render(_ lists: [OwnProposals], currentCycleId: CycleID?) -> HTML {
        let newLink: HTML = "<a class=\"button\" href=\"\(MyProposalsPaths.new)\">Ajukan usulan baru</a>"
        guard !lists.isEmpty else {
            return """
                <h1>Usulan saya</h1>
                <div class="empty">
                <p class="lead">Belum ada usulan. Ajukan usulan baru untuk kegiatan yang dibutuhkan lingkungan Anda:
                Ketua RT dan Ketua RW memeriksanya, lalu usulan dibahas di Musrenbang kelurahan.</p>
                <p>\(newLink)</p>
                </div>
                """
        }
        let ordered = lists.filter { $0.cycle.id == currentCycleId } + lists.filter { $0.cycle.id != currentCycleId }
        let sections = ordered.map { list -> HTML in
            let current: HTML = list.cycle.id == currentCycleId ? " <span class=\"muted\">(siklus berjalan)</span>" : .empty
            // What waits for the resident (drafts, returned) first; otherwise newest first.
            let items = (list.proposals.filter(needsAction) + list.proposals.filter { !needsAction($0) }).map(item)
            return """
                <section aria-labelledby="siklus-\(list.cycle.id.rawValue)">
                <h2 id="siklus-\(list.cycle.id.rawValue)">\(list.cycle.name)\(current)</h2>
                <p class="muted">\(list.proposals.count) usulan</p>
                <ul class="cards">\(items)</ul>
                </section>
                """
        }
        let waiting = lists.flatMap(\.proposals).filter(needsAction).count
        let attention: HTML = waiting == 0 ? .empty
            : "<p class=\"notice\">\(waiting) usulan menunggu tindakan Anda (draf atau dikembalikan); usulan itu ada di urutan teratas.</p>"
        return """
            <h1>Usulan saya</h1>
            <p>\(newLink)</p>
            \(attention)
            \(sections)
            """
    }

    /// A draft or a returned proposal: the resident's move.
    private static func needsAction(_ row: ProposalSummary) -> Bool { StateWords.tone(row.state) == .returned }

    private static func item(_ row: ProposalSummary) -> HTML {
        """
        <li>
        <p class="code">\(row.trackingCode.description)</p>
        <h3><a href="\(MyProposalsPaths.proposal(row.trackingCode))">\(row.title)</a></h3>
        <p>\(StateWords.badge(row.state))</p>
        <p><span class="cost">\(Rupiah.format(row.effectiveCost))</span> <span class="muted">· \(row.kamusName)</span></p>
        </li>
        """
    }
}
