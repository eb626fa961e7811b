/// The addresses of an account's notifications.
enum NotificationPaths {
    static let list = "/notifikasi"
    /// POST: mark every notification read.
    static let readAll = "/notifikasi/baca"
    /// POST: mark one read and go to its link.
    static let openPattern = "/notifikasi/:id/buka"

    static func open(_ id: Int64) -> String { "/notifikasi/\(id)/buka" }
}
