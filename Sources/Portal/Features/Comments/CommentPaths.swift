import Musrenbang

/// The addresses of comments: the form on a proposal's public page and the moderators' queue.
enum CommentPaths {
    static let addPattern = "/usulan/:kode/komentar"
    static let queue = "/kerja/komentar"
    static let hidePattern = "/kerja/komentar/:id/sembunyikan"

    /// "/usulan/TGS-2027-000123/komentar".
    static func add(_ code: TrackingCode) -> String { "/usulan/\(code.description)/komentar" }

    /// "/kerja/komentar/12/sembunyikan".
    static func hide(_ id: Int64) -> String { "\(queue)/\(id)/sembunyikan" }

    /// The comment's place on the public page.
    static func anchor(_ id: Int64) -> String { "komentar-\(id)" }
}
