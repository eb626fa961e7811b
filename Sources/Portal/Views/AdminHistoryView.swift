import Musrenbang

/// The "Riwayat perubahan" list of a Bappeda screen: one item per admin-log entry in the screen's own words, or the
/// line that nothing was logged yet.
enum AdminHistoryView {
    static func render(_ history: AdminHistory, item: (AdminLogEntry) -> HTML) -> HTML {
        guard !history.entries.isEmpty else { return "<p>Belum ada perubahan yang dicatat.</p>" }
        let items = history.entries.map(item)
        return "<ol class=\"history\">\(items)</ol>"
    }
}
