import Musrenbang

/// The addresses of the RT/RW endorsement workspace: the work list and one proposal (its page and its form's target).
enum EndorsementPaths {
    static let list = "/kerja/persetujuan"

    static func proposal(_ code: TrackingCode) -> String { "\(list)/\(code.description)" }
}
