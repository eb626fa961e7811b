import Foundation
import HTTPServer
import Musrenbang

/// The public feedback form (`/saran`): what was typed (kept on every refusal), its hidden anti-spam fields, and every
/// field error. The rules of its content are the engine's (`FeedbackRules.check`); this reads the fields and adds the
/// photo's refusal.
struct FeedbackForm {
    /// A photo and the answers: one photo of at most 5 MB plus the text fields.
    static let bodyLimit = 6 * 1024 * 1024
    /// The file input.
    static let photoField = "foto"
    /// The field a person never sees (CSS hides it, `.hp`): a script that fills every input fills it.
    static let honeypotField = "situs"
    /// The signed time the form was handed out (`FormStamp`).
    static let stampField = "cap"

    var kind = ""
    var category = ""
    var area = ""
    var text = ""
    var name = ""
    var contact = ""
    var honeypot = ""
    var stamp: String?
    var errors: [FieldError] = []

    init() {}

    /// Reads the submitted fields (nothing is checked yet but the choices' spelling).
    init(_ form: FormData) {
        kind = form["jenis"] ?? ""
        category = form["kategori"] ?? ""
        area = form["wilayah"] ?? ""
        text = form["uraian"] ?? ""
        name = form["nama"] ?? ""
        contact = form["kontak"] ?? ""
        honeypot = form[Self.honeypotField] ?? ""
        stamp = form[Self.stampField]
    }

    /// The engine's input; `accountId` is the signed-in sender's.
    func input(accountId: AccountID?) -> NewFeedback {
        NewFeedback(kind: FeedbackKind(rawValue: kind), category: FeedbackCategory(rawValue: category), area: FeedbackArea(text: area),
                    text: text, senderName: name, senderContact: contact, accountId: accountId)
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
