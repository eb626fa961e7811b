/// The line under a paged work list: "‹ Sebelumnya", "Halaman 2 dari 7", "Berikutnya ›", each link the list's own
/// shareable address for that page (`address`); nothing when everything fits on one page.
enum PaginationView {
    static func render(page: Int, of pageCount: Int, label: String = "Halaman daftar", address: (Int) -> String) -> HTML {
        guard pageCount > 1 else { return .empty }
        let previous: HTML = page > 1 ? "<a rel=\"prev\" href=\"\(address(page - 1))\">‹ Sebelumnya</a>" : .empty
        let next: HTML = page < pageCount ? "<a rel=\"next\" href=\"\(address(page + 1))\">Berikutnya ›</a>" : .empty
        return """
            <nav class="pagination" aria-label="\(label)">\(previous) <span>Halaman \(page) dari \(pageCount)</span> \(next)</nav>
            """
    }
}
