import Foundation

/// Who may add and read the documents of a kelurahan's Musrenbang: the kelurahan's operator adds them (the operator
/// keeps the meeting's papers); the staff whose scope covers the kelurahan (its operator and verifier, its kecamatan,
/// Bappeda) read them. Residents, RT/RW heads, OPD verifiers and the system admin do not.
public enum MeetingDocumentRules {
    /// The largest document, in bytes (a scanned berita acara of several pages).
    public static let maxBytes = 10 * 1_048_576
    /// The longest title, in characters.
    public static let maxTitle = 200

    /// Throws the rule that refuses `actor` adding a document to the Musrenbang of `place`.
    public static func requireAdd(_ place: Origin, by actor: Actor) throws(DomainError) {
        guard actor.role == .operatorKelurahan else { throw .roleNotAllowed(role: actor.role, action: "unggah dokumen musrenbang") }
        guard actor.scope == .kelurahan(place.kelurahanId) else { throw .notInScope }
    }

    /// Throws `notInScope` unless `actor` may read the documents of the Musrenbang of `place`.
    public static func requireRead(_ place: Origin, by actor: Actor) throws(DomainError) {
        let staff: Set<Role> = [.operatorKelurahan, .verifikatorKelurahan, .operatorKecamatan, .camat, .bappeda]
        guard staff.contains(actor.role), actor.scope.kind == actor.role.scopeKind, actor.scope.covers(origin: place) else {
            throw .notInScope
        }
    }

    /// Every field error of a new document at once: a title, a file that is a JPEG, PNG or PDF by its bytes.
    public static func check(title: String, bytes: [UInt8]) -> (AttachmentKind?, [FieldError]) {
        var errors: [FieldError] = []
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            errors.append(FieldError(field: "judul", message: "Isi judul dokumen, misalnya \"Daftar hadir Musrenbang kelurahan\"."))
        } else if trimmed.count > maxTitle {
            errors.append(FieldError(field: "judul", message: "Judul paling banyak \(maxTitle) huruf."))
        }
        var kind: AttachmentKind?
        if bytes.isEmpty {
            errors.append(FieldError(field: "berkas", message: "Pilih berkas dokumen (PDF, JPEG atau PNG)."))
        } else if bytes.count > maxBytes {
            errors.append(FieldError(field: "berkas", message: "Berkas paling besar \(maxBytes / 1_048_576) MB; pindai dengan resolusi lebih rendah."))
        } else if let detected = AttachmentKind.detect(bytes) {
            kind = detected
        } else {
            errors.append(FieldError(field: "berkas", message: "Berkas harus PDF, JPEG atau PNG."))
        }
        return (errors.isEmpty ? kind : nil, errors)
    }
}
