import Musrenbang

/// The addresses of the kecamatan's routing of its F2: the list (and its several-at-once form) and one proposal.
enum RoutingPaths {
    static let list = "/kerja/rute"

    static func proposal(_ code: TrackingCode) -> String { "\(list)/\(code.description)" }
}
