import Foundation
import HTTPServer
import Musrenbang

/// A new planning cycle as typed: the year it is held (`tahun`), the budget year it plans (`tahun-anggaran`), its
/// name (`nama`) and, per stage, when it opens and closes in WIB (`buka-<stage>`, `tutup-<stage>`). The form checks
/// that each value reads; the engine (`NewCycle`) checks the rest: the ranges, each window after the previous one.
struct NewCycleForm {
    var planYear = ""
    var budgetYear = ""
    var name = ""
    var opens: [Stage: String] = [:]
    var closes: [Stage: String] = [:]
    var errors: [FieldError] = []

    static func opensField(_ stage: Stage) -> String { "buka-\(stage.rawValue)" }
    static func closesField(_ stage: Stage) -> String { "tutup-\(stage.rawValue)" }

    /// The empty form, its years following `previous` (the latest cycle) or the WIB year of `now`.
    init(previous: Cycle?, now: Date) {
        let year = previous.map { $0.planYear + 1 } ?? WIBTime.fields(now, offset: WIBTime.offsetSeconds).year
        planYear = "\(year)"
        budgetYear = "\(year + 1)"
        name = "Musrenbang RKPD \(year + 1)"
    }

    init(_ form: FormData) {
        planYear = form["tahun"] ?? ""
        budgetYear = form["tahun-anggaran"] ?? ""
        name = form["nama"] ?? ""
        for stage in Stage.allCases {
            opens[stage] = form[Self.opensField(stage)] ?? ""
            closes[stage] = form[Self.closesField(stage)] ?? ""
        }
        if Int(planYear.trimmingCharacters(in: .whitespaces)) == nil {
            errors.append(FieldError(field: "tahun", message: "Tulis tahun pelaksanaan dengan angka, misalnya 2026."))
        }
        if Int(budgetYear.trimmingCharacters(in: .whitespaces)) == nil {
            errors.append(FieldError(field: "tahun-anggaran", message: "Tulis tahun anggaran (tahun RKPD) dengan angka, misalnya 2027."))
        }
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "nama", message: "Tulis nama siklus, misalnya Musrenbang RKPD 2027."))
        }
        for stage in Stage.allCases {
            if WIBInput.parse(opens[stage] ?? "") == nil {
                errors.append(FieldError(field: Self.opensField(stage),
                                         message: "Tulis kapan \(stage.displayName) dibuka (WIB), misalnya 2027-01-05T08:00."))
            }
            if WIBInput.parse(closes[stage] ?? "") == nil {
                errors.append(FieldError(field: Self.closesField(stage),
                                         message: "Tulis kapan \(stage.displayName) ditutup (WIB), misalnya 2027-01-20T23:59."))
            }
        }
    }

    /// The cycle for the engine; nil while a value does not read.
    func newCycle(kotaId: KotaID, settings: CycleSettings) -> NewCycle? {
        guard errors.isEmpty, let plan = Int(planYear.trimmingCharacters(in: .whitespaces)),
              let budget = Int(budgetYear.trimmingCharacters(in: .whitespaces)) else { return nil }
        var windows: [StageWindow] = []
        for stage in Stage.allCases {
            guard let opensAt = WIBInput.parse(opens[stage] ?? ""), let closesAt = WIBInput.parse(closes[stage] ?? "") else { return nil }
            windows.append(StageWindow(stage: stage, opensAt: opensAt, closesAt: closesAt))
        }
        return NewCycle(kotaId: kotaId, planYear: plan, budgetYear: budget, name: name, windows: windows, settings: settings)
    }

    /// The engine's refusal beside its fields; nil for another error.
    static func fieldErrors(for error: Error) -> [FieldError]? {
        switch error {
        case DomainError.invalidFields(let fields):
            fields.map { field in field.placed(at: Self.formField(field)) }
        case PersistenceError.duplicate:
            [FieldError(field: "tahun-anggaran", message: "Sudah ada siklus untuk tahun anggaran ini; pilih tahun anggaran lain.")]
        default: nil
        }
    }

    /// The form field of an engine field ("jadwal Musrenbang kelurahan" names the stage's window: its opening when
    /// the rule is about the opening, else its close).
    private static func formField(_ error: FieldError) -> String {
        switch error.field {
        case "nama siklus": return "nama"
        case "tahun pelaksanaan": return "tahun"
        case "tahun anggaran": return "tahun-anggaran"
        default:
            guard let stage = Stage.allCases.first(where: { error.field == "jadwal \($0.displayName)" }) else { return "nama" }
            return error.message.hasPrefix("harus dibuka") || error.message == "wajib diisi" ? opensField(stage) : closesField(stage)
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
