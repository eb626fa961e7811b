import Musrenbang

/// The public addresses of a proposal: its page (printed on receipts, shared in links) and the tracking form.
enum PublicProposalPaths {
    static let proposalPattern = "/usulan/:kode"
    static let track = "/lacak"

    /// "/usulan/TGS-2027-000123".
    static func proposal(_ code: TrackingCode) -> String { "/usulan/\(code.description)" }

    /// "/lacak?kode=TGS-2027-000123".
    static func track(_ code: TrackingCode) -> String { "\(track)?kode=\(code.description)" }
}
