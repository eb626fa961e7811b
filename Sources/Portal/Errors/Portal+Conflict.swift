import HTTPServer
import Musrenbang

extension Portal {
    /// The 409 page of an action on a stale version: someone else acted first, nothing of this action was saved;
    /// the proposal's state now and its latest event, with links to look again and to go back.
    func conflictPage(_ context: RequestContext, current: FullProposal?, proposalPath: String, back: (path: String, label: String))
        -> HTTPResponse {
        var now: HTML = .empty
        if let current {
            let last: HTML = current.named.events.last.map { event in
                let note: HTML = event.note.map { "<p class=\"note\"><span class=\"label\">\(TimelineView.noteLabel(event.action)):</span> \($0)</p>" }
                    ?? .empty
                return "<p>Terakhir: <strong>\(event.actor)</strong> \(ActionWords.past(event.action)), \(WIBTime.format(event.at)).</p>\(note)"
            } ?? .empty
            now = """
                <h2>Keadaan usulan sekarang</h2>
                <p><span class="code">\(current.code.description)</span> \(current.proposal.title)</p>
                <p>\(StateWords.badge(current.proposal.state))</p>
                \(last)
                """
        }
        return page("Data sudah berubah", context, status: .conflict, """
            <h1>Data sudah berubah</h1>
            <p class="lead">Usulan ini sudah berubah sejak halaman Anda dimuat: ada yang bertindak lebih dulu, atau formulir yang sama terkirim dua kali. Tindakan Anda <strong>tidak</strong> disimpan.</p>
            \(now)
            <p>Periksa keadaannya, lalu putuskan lagi bila masih perlu.</p>
            <p class="actions"><a class="button" href="\(proposalPath)">Lihat usulan</a> <a class="button secondary" href="\(back.path)">\(back.label)</a></p>
            """)
    }
}
