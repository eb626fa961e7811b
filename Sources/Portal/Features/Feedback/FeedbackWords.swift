import Foundation
import Musrenbang

/// How feedback is put in words on its pages: its status as a badge, each step of its history, a count with its share.
enum FeedbackWords {
    static func badge(_ status: FeedbackStatus) -> HTML {
        let kind = switch status {
        case .baru, .diteruskan: "waiting"
        case .dijawab: "good"
        case .ditutup: "ended"
        }
        return "<span class=\"badge \(kind)\">\(status.displayName)</span>"
    }

    /// "Dikirim; ditangani Kelurahan Pondok Karya", "Diteruskan dari X ke Y", "Dijawab oleh X", "Ditutup oleh X".
    static func step(_ action: FeedbackAction, from: String?, to: String) -> String {
        switch action {
        case .kirim: "Dikirim dan diarahkan ke \(to)"
        case .teruskan: "Diteruskan dari \(from ?? "-") ke \(to)"
        case .jawab: from.map { $0 == to ? "Dijawab oleh \(to)" : "Dijawab oleh \(to) (sebelumnya di \($0))" } ?? "Dijawab oleh \(to)"
        case .tutup: "Ditutup oleh \(to)"
        }
    }

    /// "3 dari 4 (75%)"; "-" for none.
    static func share(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "-" }
        return "\(percent(Double(part) / Double(total)))"
    }

    /// 0.755 -> "75,5%", 1 -> "100%".
    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10),\(tenths % 10)%"
    }

    /// Days with one decimal in Indonesian notation: 2.25 -> "2,3 hari"; nil -> "-".
    static func days(_ value: Double?) -> String {
        guard let value else { return "-" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10),\(tenths % 10) hari"
    }

    /// The first `limit` characters of `text` on one line, with an ellipsis when cut.
    static func excerpt(_ text: String, limit: Int = 240) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
