import Musrenbang

/// The upload form of a meeting document as typed (kind and title; the file is chosen again after a refusal), and the
/// form attaching a file to one proposal by its tracking code.
struct MeetingDocumentForm {
    var kind = MeetingDocumentKind.undangan
    var title = ""
    var errors: [FieldError] = []

    init() {}

    init(fields: [String: String]) {
        kind = fields["jenis"].flatMap(MeetingDocumentKind.init(rawValue:)) ?? .lainnya
        title = fields["judul"] ?? ""
    }
}

struct ProposalAttachmentForm {
    var code = ""
    var errors: [FieldError] = []
}
