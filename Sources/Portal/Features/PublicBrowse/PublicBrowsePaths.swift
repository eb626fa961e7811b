/// The public list of published proposals; its query string carries the filters (`PublicBrowseFilter`).
enum PublicBrowsePaths {
    static let list = "/usulan"

    /// "/usulan?q=jalan": the list searched for `text` (the home page's search box sends the same).
    static func search(_ text: String) -> String { "\(list)?q=\(Portal.queryEncode(text))" }
}
