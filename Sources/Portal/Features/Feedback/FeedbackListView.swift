import Foundation
import Musrenbang

/// The public list of answered feedback (`/saran/daftar`): newest answer first, a filter per category (links, so every
/// list is a shareable address), each with its text, its unit's answer and a link to its page.
enum FeedbackListView {
    static func render(_ page: FeedbackPage, category: FeedbackCategory?, directory: FeedbackDirectory) -> HTML {
        let filters = ([nil] + FeedbackCategory.allCases.map(Optional.some)).map { choice -> HTML in
            let current: HTML = choice == category ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(address(choice, page: 1))\"\(current)>\(choice?.displayName ?? "Semua kategori")</a></li>"
        }
        let items = page.items.map { item -> HTML in
            let answer: HTML = item.answer.map { "<p><span class=\"label\">Jawaban \(directory.unitName(item.unit)):</span> \(FeedbackWords.excerpt($0, limit: 400))</p>" }
                ?? .empty
            return """
                <li>
                <h3><a href="\(FeedbackPaths.item(item.code))">\(item.kind.displayName) \(item.code.description)</a></h3>
                <p class="muted">\(item.category.displayName) · \(directory.areaName(item.area)) · dijawab \(item.answeredAt.map(WIBTime.formatDate) ?? "")</p>
                <p>\(FeedbackWords.excerpt(item.text))</p>
                \(answer)
                </li>
                """
        }
        let body: HTML = page.items.isEmpty
            ? "<p class=\"empty\">Belum ada saran\(category.map { " kategori \($0.displayName)" } ?? "") yang dijawab.</p>"
            : "<ul class=\"cards\">\(items)</ul>"
        return """
            <h1>Saran dan pengaduan yang sudah dijawab</h1>
            <p class="lead">Setiap saran dan pengaduan warga dijawab oleh unit yang berwenang, dan jawabannya diumumkan. Nama dan kontak pengirim tidak pernah ditampilkan.</p>
            <p class="actions"><a class="button" href="\(FeedbackPaths.form)">Kirim saran atau pengaduan</a> <a class="button secondary" href="\(FeedbackPaths.statistics)">Statistik</a></p>
            <nav aria-label="Kategori"><ul class="tabs">\(filters)</ul></nav>
            <p>\(page.total) saran dijawab.</p>
            \(body)
            \(PaginationView.render(page: page.page, of: page.pageCount, label: "Halaman daftar saran") { address(category, page: $0) })
            """
    }

    static func address(_ category: FeedbackCategory?, page: Int) -> String {
        var parts: [String] = []
        if let category { parts.append("kategori=\(category.rawValue)") }
        if page > 1 { parts.append("halaman=\(page)") }
        return FeedbackPaths.list + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }
}
