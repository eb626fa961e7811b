import HTTPServer

/// Which page of F1 and which of F2 the allocation screen shows (`/kerja/alokasi?f1=2&f2=3`): each list pages on its
/// own, so a verifier can share the address of the decisions being discussed. A kecamatan of 2,000 candidates listed in
/// full weighed 784 KB, far over the page budget of 100 KB (`docs/portal.md`); the printable berita acara lists all.
struct AllocationPages {
    static let pageSize = 50

    /// The requested page of each list (1 when absent or not a number; clamped to the list when shown).
    let f1: Int
    let f2: Int

    init(f1: Int = 1, f2: Int = 1) {
        self.f1 = f1
        self.f2 = f2
    }

    init(_ request: HTTPRequest) {
        func number(_ name: String) -> Int { request.queryValue(name).flatMap { Int($0) }.map { max(1, $0) } ?? 1 }
        self.init(f1: number("f1"), f2: number("f2"))
    }

    /// The shareable address of this view with `list` (`f1` or `f2`) at `page`, the other list's page kept, scrolled to
    /// the list.
    func address(_ list: String, page: Int) -> String {
        let pages = list == "f1" ? (f1: page, f2: f2) : (f1: f1, f2: page)
        var pairs: [String] = []
        if pages.f1 > 1 { pairs.append("f1=\(pages.f1)") }
        if pages.f2 > 1 { pairs.append("f2=\(pages.f2)") }
        return MeetingPaths.allocation + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")) + "#\(list)"
    }
}
