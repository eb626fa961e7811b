import Foundation
import HTTPServer
import Musrenbang

/// A verifier's decision on one proposal at the version the page showed (`versi`): `keputusan` (terima,
/// terima-perubahan, tolak, kembalikan), for a change the new `volume` and `biaya`, and the reason: typed (`alasan`),
/// or a reusable template (`templat`), or both (the template first, the typed text after it). Every field error is
/// collected at once; every answer is kept for the page shown again.
struct VerificationForm {
    static let maxReason = 2000

    var decision: VerificationDecision?
    var version: Int64?
    var volume = ""
    var cost = ""
    var reason = ""
    var templateId: Int64?
    var returnTo = VerificationPaths.queue
    var errors: [FieldError] = []
    /// The reason the engine receives (template and typed text), once read.
    private(set) var composedReason = ""
    private(set) var change: ValueChange?

    /// A blank form at `version` (the proposal page); "terima" is preselected, the volume and cost are the ones in force.
    init(version: Int64, volume: Int64, cost: Int64, returnTo: String) {
        self.version = version
        self.volume = Rupiah.groupDigits(UInt64(max(0, volume)))
        self.cost = Rupiah.groupDigits(UInt64(max(0, cost)))
        self.returnTo = Portal.localPath(returnTo)
    }

    /// Reads and checks the submitted fields; `templates` are the unit's (a template of another unit is not found).
    init(_ form: FormData, templates: [ReasonTemplate], decisions: [VerificationDecision]) {
        decision = form["keputusan"].flatMap(VerificationDecision.init(rawValue:)).flatMap { decisions.contains($0) ? $0 : nil }
        version = form["versi"].flatMap { Int64($0) }
        volume = (form["volume"] ?? "").trimmingCharacters(in: .whitespaces)
        cost = (form["biaya"] ?? "").trimmingCharacters(in: .whitespaces)
        reason = form["alasan"] ?? ""
        templateId = form["templat"].flatMap { Int64($0) }
        returnTo = Portal.localPath(form["kembali"] ?? VerificationPaths.queue)
        if version == nil {
            errors.append(FieldError(field: "keputusan", message: "Formulir tidak lengkap. Muat ulang halaman, lalu putuskan lagi."))
        } else if decision == nil {
            errors.append(FieldError(field: "keputusan", message: "Pilih keputusan Anda untuk usulan ini."))
        }
        let template = templateId.flatMap { id in templates.first { $0.id == id } }
        if templateId != nil && template == nil {
            errors.append(FieldError(field: "templat", message: "Alasan tersimpan itu sudah dihapus. Pilih yang lain atau tulis alasannya."))
        }
        let typed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        composedReason = [template?.text, typed.isEmpty ? nil : typed].compactMap { $0 }.joined(separator: " ")
        if decision == .terimaDenganPerubahan {
            let newVolume = Self.number(volume)
            let newCost = VerificationFilter.rupiah(cost)
            if newVolume == nil || newVolume == 0 {
                errors.append(FieldError(field: "volume", message: "Isi volume baru dengan angka bulat lebih dari 0, misalnya 100."))
            }
            if newCost == nil || newCost == 0 {
                errors.append(FieldError(field: "biaya", message: "Isi biaya baru dalam rupiah tanpa sen, misalnya 35.000.000."))
            }
            if let newVolume, let newCost, newVolume > 0, newCost > 0 { change = ValueChange(volume: newVolume, cost: newCost) }
        }
        if let decision, decision.needsReason, composedReason.isEmpty {
            errors.append(FieldError(field: "alasan", message: Self.missingReason(decision)))
        } else if composedReason.count > Self.maxReason {
            errors.append(FieldError(field: "alasan", message: "Alasan terlalu panjang: paling banyak 2.000 huruf."))
        }
    }

    static func missingReason(_ decision: VerificationDecision) -> String {
        switch decision {
        case .terimaDenganPerubahan: "Tulis alasan perubahan volume dan biaya, atau pilih alasan tersimpan."
        case .tolak: "Tulis alasan penolakan, atau pilih alasan tersimpan; pengusul membacanya."
        case .kembalikan: "Tulis apa yang perlu diperbaiki pengusul, atau pilih alasan tersimpan."
        case .terima: ""
        }
    }

    /// "1.200" or "1200" as a whole number.
    static func number(_ text: String) -> Int64? {
        let digits = text.filter { $0 != "." && $0 != " " }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }

    /// The engine's input (only once `errors` is empty).
    var input: TransitionInput? {
        guard let decision, let version, errors.isEmpty else { return nil }
        return TransitionInput(decision.action, expectedVersion: version,
                               reason: composedReason.isEmpty ? nil : composedReason,
                               change: decision == .terimaDenganPerubahan ? change : nil)
    }

    /// The engine's refusal of an input as a field error where it belongs to one field (the SSH guard beside the
    /// cost, "no change" beside the volume, a missing reason beside the reason); nil for a rule of the whole action.
    static func fieldError(for error: DomainError) -> FieldError? {
        switch error {
        case .costBelowSSH:
            FieldError(field: "biaya", message: error.message + " Naikkan biaya paling sedikit sebesar itu, atau kurangi volumenya.")
        case .changeRequired:
            FieldError(field: "volume", message: "Volume dan biaya sama dengan yang berlaku. Ubah salah satunya, atau pilih Terima.")
        case .reasonRequired:
            FieldError(field: "alasan", message: error.message)
        default:
            nil
        }
    }
}
