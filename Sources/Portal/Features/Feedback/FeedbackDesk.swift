import Musrenbang

/// A staff member at the feedback desk: the kelurahan's operator or verifier (Lurah), the kecamatan's operator or Camat,
/// an agency's verifier, or Bappeda. Making one checks the sign-in and the role (403 with the rule for anyone else);
/// the unit is the actor's own, so no address or form field names another unit's queue. What it may read or change is
/// the engine's to decide (`FeedbackRules`).
struct FeedbackDesk {
    let signedIn: SignedIn
    let unit: FeedbackUnit

    static let rule = "Halaman saran dan pengaduan hanya untuk petugas yang menjawabnya: operator dan verifikator kelurahan (Lurah), "
        + "operator kecamatan dan Camat, verifikator perangkat daerah, dan Bappeda. Bila akun Anda juga memegang peran itu, pilih "
        + "peran tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        guard let unit = FeedbackRules.deskUnit(of: signedIn.actor) else { throw PortalError.forbidden(Self.rule) }
        self.unit = unit
    }

    var actor: Actor { signedIn.actor }
    /// Bappeda sees every unit's feedback and may filter by unit.
    var seesAll: Bool { unit == .bappeda }
}

/// The tabs of the desk's queue: what waits, what was answered, what is closed, everything.
enum FeedbackTab: String, CaseIterable {
    case menunggu, dijawab, ditutup, semua

    var label: String {
        switch self {
        case .menunggu: "Menunggu jawaban"
        case .dijawab: "Dijawab"
        case .ditutup: "Ditutup"
        case .semua: "Semua"
        }
    }

    var statuses: Set<FeedbackStatus> {
        switch self {
        case .menunggu: [.baru, .diteruskan]
        case .dijawab: [.dijawab]
        case .ditutup: [.ditutup]
        case .semua: Set(FeedbackStatus.allCases)
        }
    }

    func count(_ counts: [FeedbackStatus: Int]) -> Int { statuses.reduce(0) { $0 + (counts[$1] ?? 0) } }
}

/// One of the desk's actions on an item, as submitted: the version the page showed and the action's fields. Every
/// field error at once; the rules of the content are the engine's (`FeedbackRules.apply`).
struct FeedbackActionForm {
    var version: Int64?
    var answer = ""
    var target = ""
    var note = ""
    var reason = ""
    var hide = false
    var errors: [FieldError] = []

    init() {}

    init(_ form: [String: String]) {
        version = form["versi"].flatMap { Int64($0) }
        answer = form["jawaban"] ?? ""
        target = form["tujuan"] ?? ""
        note = form["catatan"] ?? ""
        reason = form["alasan"] ?? ""
        hide = form["sembunyikan"] == "ya"
    }

    /// The engine's command for `action`; nil (with an error) when the form cannot make one.
    mutating func command(_ action: FeedbackAction) -> FeedbackCommand? {
        guard version != nil else {
            errors.append(FieldError(field: Self.firstField(action), message: "Formulir tidak lengkap. Muat ulang halaman, lalu coba lagi."))
            return nil
        }
        switch action {
        case .jawab:
            return .answer(answer)
        case .teruskan:
            guard let unit = FeedbackUnit(text: target) else {
                errors.append(FieldError(field: "tujuan", message: "Pilih unit tujuan."))
                if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    errors.append(FieldError(field: "catatan", message: "Tulis catatan untuk unit tujuan: mengapa diteruskan ke sana."))
                }
                return nil
            }
            return .forward(to: unit, note: note)
        case .tutup:
            return .close(note: reason, hide: hide)
        case .kirim:
            return nil
        }
    }

    static func firstField(_ action: FeedbackAction) -> String {
        switch action {
        case .jawab, .kirim: "jawaban"
        case .teruskan: "tujuan"
        case .tutup: "alasan"
        }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
