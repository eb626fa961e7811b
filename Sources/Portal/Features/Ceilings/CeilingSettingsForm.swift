import HTTPServer
import Musrenbang

/// One level's ceiling settings as typed: `tingkat` (kelurahan or kecamatan), `total` and `pembulatan` in rupiah (dots
/// allowed), `porsi-dasar` in percent (up to two decimals, comma or dot), one `bobot-<criterion>` per criterion (whole
/// numbers), `alasan` (required by the engine once a berita acara of the cycle is signed) and `aksi` (`pratinjau`
/// computes without saving; `simpan` saves and computes every ceiling).
struct CeilingSettingsForm {
    enum Action: String { case preview = "pratinjau", save = "simpan" }

    var level: Level
    var total = ""
    var baseShare = ""
    var weights: [CeilingCriterion: String] = [:]
    var roundingUnit = ""
    var reason = ""
    var action: Action = .preview
    var errors: [FieldError] = []

    /// The field name of a criterion's weight, e.g. `bobot-population`.
    static func weightField(_ criterion: CeilingCriterion) -> String { "bobot-\(criterion.rawValue)" }

    /// The stored settings of `level`, or empty fields when none are stored yet.
    init(level: Level, stored: CeilingSettings?) {
        self.level = level
        guard let stored else { return }
        total = Rupiah.groupDigits(UInt64(max(0, stored.total)))
        baseShare = Self.percentText(stored.formula.baseShareBasisPoints)
        for criterion in CeilingCriterion.allCases { weights[criterion] = String(stored.formula.weight(criterion)) }
        roundingUnit = Rupiah.groupDigits(UInt64(max(0, stored.formula.roundingUnit)))
    }

    /// The submitted form; nil when `tingkat` is not a level with a ceiling formula.
    init?(_ form: FormData) {
        guard let level = form["tingkat"].flatMap(Level.init(rawValue:)), level == .kelurahan || level == .kecamatan else { return nil }
        self.level = level
        total = form["total"] ?? ""
        baseShare = form["porsi-dasar"] ?? ""
        for criterion in CeilingCriterion.allCases { weights[criterion] = form[Self.weightField(criterion)] ?? "" }
        roundingUnit = form["pembulatan"] ?? ""
        reason = form["alasan"] ?? ""
        action = form["aksi"].flatMap(Action.init(rawValue:)) ?? .preview
        if VerificationForm.number(total) == nil {
            errors.append(FieldError(field: "total", message: "Tulis total pagu dalam rupiah, misalnya 20.000.000.000."))
        }
        if Self.basisPoints(baseShare) == nil {
            errors.append(FieldError(field: "porsi-dasar", message: "Tulis porsi dasar dalam persen dari 0 sampai 100, misalnya 30 atau 30,5."))
        }
        for criterion in CeilingCriterion.allCases where Int(weights[criterion]?.trimmingCharacters(in: .whitespaces) ?? "").map({ $0 >= 0 }) != true {
            errors.append(FieldError(field: Self.weightField(criterion), message: "Tulis bobot \(criterion.displayName) sebagai angka bulat 0 atau lebih, misalnya 40."))
        }
        if VerificationForm.number(roundingUnit).map({ $0 >= 1 }) != true {
            errors.append(FieldError(field: "pembulatan", message: "Tulis satuan pembulatan dalam rupiah, paling kecil 1, misalnya 1.000.000."))
        }
        if trimmedReason.count > 2_000 { errors.append(FieldError(field: "alasan", message: "Alasan terlalu panjang: paling banyak 2.000 huruf.")) }
    }

    var trimmedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The settings typed (only once `errors` is empty).
    var settings: CeilingSettings? {
        guard errors.isEmpty, let total = VerificationForm.number(total), let base = Self.basisPoints(baseShare),
              let unit = VerificationForm.number(roundingUnit) else { return nil }
        var byCriterion: [CeilingCriterion: Int] = [:]
        for criterion in CeilingCriterion.allCases {
            guard let weight = Int(weights[criterion]?.trimmingCharacters(in: .whitespaces) ?? "") else { return nil }
            byCriterion[criterion] = weight
        }
        return CeilingSettings(total: total, formula: CeilingFormula(baseShareBasisPoints: base, weights: byCriterion, roundingUnit: unit))
    }

    /// "30", "30,5", "30.25" or "30%" in basis points (3000, 3050, 3025); nil when not a percent from 0 to 100 with at
    /// most two decimals.
    static func basisPoints(_ text: String) -> Int? {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        if cleaned.hasSuffix("%") { cleaned.removeLast(); cleaned = cleaned.trimmingCharacters(in: .whitespaces) }
        let parts = cleaned.split(separator: cleaned.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].allSatisfy(\.isASCII), whole >= 0, whole <= 100 else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let points = whole * 100 + fraction
        return points <= 10_000 ? points : nil
    }

    /// 3050 -> "30,5"; 3000 -> "30".
    static func percentText(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, fraction = basisPoints % 100
        guard fraction != 0 else { return String(whole) }
        return fraction % 10 == 0 ? "\(whole),\(fraction / 10)" : "\(whole),\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The engine's refusal of a field, moved beside the field it names; nil for a rule of the whole computation.
    static func fieldError(for error: FieldError) -> FieldError? {
        let field: String? = switch error.field {
        case "total pagu": "total"
        case "porsi dasar (basis poin)": "porsi-dasar"
        case "satuan pembulatan": "pembulatan"
        case "bobot": weightField(.population)
        default: CeilingCriterion.allCases.first { "bobot \($0.displayName)" == error.field }.map(weightField)
        }
        return field.map(error.placed(at:))
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
