import Foundation

/// What a berita acara records beyond its document number: when and where the meeting was held, who chaired it, and
/// the delegates it elected for the next level. Checked as a whole (`problems`, one message per field) before the
/// berita acara is signed.
public struct BeritaAcaraDetails: Hashable, Sendable {
    public var meetingDate: MeetingDate
    public var place: String
    public var chair: String
    public var delegates: [Delegate]

    /// The most delegates one berita acara lists (the form offers this many rows).
    public static let maxDelegates = 10
    /// The longest place, chair or delegate name.
    public static let maxTextLength = 200

    public init(meetingDate: MeetingDate, place: String, chair: String, delegates: [Delegate]) {
        self.meetingDate = meetingDate
        self.place = place.trimmingCharacters(in: .whitespacesAndNewlines)
        self.chair = chair.trimmingCharacters(in: .whitespacesAndNewlines)
        self.delegates = delegates.map { Delegate(name: $0.name.trimmingCharacters(in: .whitespacesAndNewlines), gender: $0.gender) }
    }

    /// Whether a woman is among the delegates (the portal warns when none is; the meeting may still sign).
    public var includesWoman: Bool { delegates.contains { $0.gender == .perempuan } }

    /// Every refused field at once (field keys: `place`, `chair`, `delegates`).
    public var problems: [FieldError] {
        var errors: [FieldError] = []
        if place.isEmpty { errors.append(FieldError(field: "place", message: "Isi tempat musyawarah, misalnya Aula Kantor Kelurahan.")) }
        else if place.count > Self.maxTextLength { errors.append(FieldError(field: "place", message: "Tempat paling banyak 200 huruf.")) }
        if chair.isEmpty { errors.append(FieldError(field: "chair", message: "Isi nama pimpinan musyawarah.")) }
        else if chair.count > Self.maxTextLength { errors.append(FieldError(field: "chair", message: "Nama pimpinan paling banyak 200 huruf.")) }
        if delegates.isEmpty {
            errors.append(FieldError(field: "delegates", message: "Isi paling sedikit satu delegasi untuk musyawarah tingkat berikutnya."))
        } else if delegates.count > Self.maxDelegates {
            errors.append(FieldError(field: "delegates", message: "Paling banyak \(Self.maxDelegates) delegasi."))
        } else if delegates.contains(where: { $0.name.isEmpty || $0.name.count > Self.maxTextLength }) {
            errors.append(FieldError(field: "delegates", message: "Setiap delegasi perlu nama (paling banyak 200 huruf)."))
        }
        return errors
    }
}
