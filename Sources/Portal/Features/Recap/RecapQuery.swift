import HTTPServer
import Musrenbang

/// The recap's filters as they stand in the address (`?siklus=2&kecamatan=3`): the cycle (default: the current one)
/// and a kecamatan (default: the whole city). A value that is not a number is taken as absent. `/pagu` reads the same.
struct RecapQuery: Equatable {
    var cycleId: CycleID?
    var kecamatanId: KecamatanID?

    init(cycleId: CycleID? = nil, kecamatanId: KecamatanID? = nil) { self.cycleId = cycleId; self.kecamatanId = kecamatanId }

    init(_ request: HTTPRequest) {
        cycleId = request.queryValue("siklus").flatMap { Int64($0) }.map { CycleID($0) }
        kecamatanId = request.queryValue("kecamatan").flatMap { Int64($0) }.map { KecamatanID($0) }
    }

    /// "?siklus=2&kecamatan=3", "?siklus=2", or "" (each filter only when set).
    var queryString: String {
        let parts = [cycleId.map { "siklus=\($0.rawValue)" }, kecamatanId.map { "kecamatan=\($0.rawValue)" }].compactMap { $0 }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
