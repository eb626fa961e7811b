/// What a piece of feedback from the public is: a suggestion or a complaint. Raw values are the stored text.
public enum FeedbackKind: String, CaseIterable, Hashable, Sendable {
    case saran
    case pengaduan

    /// "Saran", "Pengaduan".
    public var displayName: String {
        switch self {
        case .saran: "Saran"
        case .pengaduan: "Pengaduan"
        }
    }

    /// What the form says beside the choice.
    public var explanation: String {
        switch self {
        case .saran: "usul atau masukan untuk perbaikan"
        case .pengaduan: "keluhan tentang masalah yang terjadi atau pelayanan yang tidak semestinya"
        }
    }
}
