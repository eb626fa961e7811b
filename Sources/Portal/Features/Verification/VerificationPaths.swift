import Musrenbang

/// The addresses of the verifiers' workspace: the queue, one proposal (its page and its form's target), the level's
/// reason templates, and (kecamatan) last cycle's unfunded proposals.
enum VerificationPaths {
    static let queue = "/kerja/verifikasi"
    static let templates = "/kerja/verifikasi/alasan"
    static let lastCycle = "/kerja/verifikasi/siklus-lalu"

    static func proposal(_ code: TrackingCode) -> String { "\(queue)/\(code.description)" }

    static func removeTemplate(_ id: Int64) -> String { "\(templates)/\(id)/hapus" }
}
