import Musrenbang

/// One ticked row of a staff work list: the proposal and the version the list showed (the checkbox value
/// "TGS-2027-000123@4"), so that a bulk action never applies to a proposal changed since the list was read.
struct TickedProposal: Hashable {
    let code: TrackingCode
    let version: Int64

    init?(_ text: String) {
        let parts = text.split(separator: "@")
        guard parts.count == 2, let code = TrackingCode(parsing: String(parts[0])), let version = Int64(parts[1]) else { return nil }
        self.code = code
        self.version = version
    }

    /// "TGS-2027-000123@4", the checkbox's value.
    var value: String { "\(code.description)@\(version)" }
}
