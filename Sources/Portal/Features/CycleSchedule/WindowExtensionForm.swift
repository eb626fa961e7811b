import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's extension of one stage's window: the stage (`tahap`), the new close in WIB (`tutup`) and the reason
/// (`alasan`, required). The engine checks the rest (later than the current close, the role, the account).
struct WindowExtensionForm {
    var stage: Stage?
    var closes = ""
    var reason = ""
    var errors: [FieldError] = []

    static let maxReason = 2_000

    init() {}

    init(_ form: FormData) {
        stage = form["tahap"].flatMap(Stage.init(rawValue:))
        closes = form["tutup"] ?? ""
        reason = form["alasan"] ?? ""
        if stage == nil { errors.append(FieldError(field: "tahap", message: "Pilih tahap yang jadwalnya diperpanjang.")) }
        if closesAt == nil {
            errors.append(FieldError(field: "tutup", message: "Tulis tanggal dan jam penutupan baru (WIB), misalnya 2026-12-20T23:59."))
        }
        if trimmedReason.isEmpty {
            errors.append(FieldError(field: "alasan", message: "Tulis alasan perpanjangan; setiap perubahan jadwal dicatat dengan alasannya."))
        } else if trimmedReason.count > Self.maxReason {
            errors.append(FieldError(field: "alasan", message: "Alasan terlalu panjang: paling banyak 2.000 huruf."))
        }
    }

    var closesAt: Date? { WIBInput.parse(closes) }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The engine's refusal as a field error where it belongs to one field; nil for any other rule.
    static func fieldError(for error: DomainError) -> FieldError? {
        switch error {
        case .invalidInput(field: "jadwal", _): FieldError(field: "tutup", message: error.message)
        case .reasonRequired: FieldError(field: "alasan", message: error.message)
        case .missingInput: FieldError(field: "tahap", message: error.message)
        default: nil
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
