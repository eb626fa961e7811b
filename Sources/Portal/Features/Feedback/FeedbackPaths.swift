import Musrenbang

/// The addresses of feedback: the public form and pages (they go into links people share: keep them stable) and the
/// staff's desk.
enum FeedbackPaths {
    static let form = "/saran"
    static let list = "/saran/daftar"
    static let statistics = "/saran/statistik"
    static let track = "/saran/lacak"
    static let sentPattern = "/saran/terkirim/:kode"
    static let itemPattern = "/saran/:kode"
    static let photoPattern = "/saran/:kode/foto"

    static let desk = "/kerja/saran"
    static let deskItemPattern = "/kerja/saran/:kode"

    static func sent(_ code: FeedbackCode) -> String { "/saran/terkirim/\(code)" }
    static func item(_ code: FeedbackCode) -> String { "/saran/\(code)" }
    static func photo(_ code: FeedbackCode) -> String { "/saran/\(code)/foto" }
    static func deskItem(_ code: FeedbackCode) -> String { "\(desk)/\(code)" }
    static func deskPhoto(_ code: FeedbackCode) -> String { "\(desk)/\(code)/foto" }
    static func deskAction(_ code: FeedbackCode, _ action: FeedbackAction) -> String { "\(desk)/\(code)/\(action.rawValue)" }
}
