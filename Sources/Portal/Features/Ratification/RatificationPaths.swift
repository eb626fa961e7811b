import Musrenbang

/// The addresses of the kota stage: the final list (and its several-at-once form), one proposal (ratify or not), and
/// its correction.
enum RatificationPaths {
    static let list = "/kerja/penetapan"
    /// The final list as a printable document (A4).
    static let print = "/kerja/penetapan/cetak"

    static func proposal(_ code: TrackingCode) -> String { "\(list)/\(code.description)" }

    static func correction(_ code: TrackingCode) -> String { "\(list)/\(code.description)/koreksi" }
}
