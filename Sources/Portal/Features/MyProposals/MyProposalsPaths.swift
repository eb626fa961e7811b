import Musrenbang

/// The addresses of a resident's own proposals, and of the pages other features own that they link to.
enum MyProposalsPaths {
    static let list = "/usulan/saya"
    /// The new-proposal form (another feature).
    static let new = "/usulan/baru"

    static func proposal(_ code: TrackingCode) -> String { "\(list)/\(code.description)" }
    static func resubmit(_ code: TrackingCode) -> String { proposal(code) + "/ajukan" }
    static func carryOver(_ code: TrackingCode) -> String { proposal(code) + "/bawa" }
    /// The edit form of a draft or returned proposal (another feature).
    static func edit(_ code: TrackingCode) -> String { "/usulan/\(code.description)/ubah" }
}
