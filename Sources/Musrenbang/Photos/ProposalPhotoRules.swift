import Foundation
import Imaging

/// The limits on proposal photos (3 per proposal, JPEG or PNG by their bytes, 5 MB each) and the check that makes
/// the small version; who may change them is `AttachmentRules`, who may see them is a viewer with full access.
public enum ProposalPhotoRules {
    public static let maxPhotos = 3
    public static let maxBytes = 5 * 1024 * 1024
    /// The field named in `DomainError.invalidFields`.
    public static let field = "foto"

    /// `bytes` checked and shrunk; throws `invalidFields` with a message naming `fileName`.
    public static func check(_ bytes: [UInt8], fileName: String, shrinker: PhotoShrinker = PhotoShrinker())
        throws(DomainError) -> CheckedPhoto {
        let name = displayName(fileName)
        guard !bytes.isEmpty else { throw refusal("\(name): berkas kosong.") }
        guard bytes.count <= maxBytes else { throw refusal("\(name): ukuran foto paling besar 5 MB.") }
        guard let format = PhotoFormat.detect(bytes) else { throw refusal("\(name): \(PhotoError.notAPhoto.message)") }
        do {
            return CheckedPhoto(original: bytes, format: format, small: try shrinker.shrink(bytes))
        } catch {
            throw refusal("\(name): \(error.message)")
        }
    }

    /// A refusal of more than `maxPhotos` photos.
    static func tooMany() -> DomainError {
        refusal("Paling banyak \(maxPhotos) foto untuk satu usulan.")
    }

    private static func refusal(_ message: String) -> DomainError {
        .invalidFields([FieldError(field: field, message: message)])
    }

    /// The last path component of what the browser sent, or "foto" when empty.
    private static func displayName(_ fileName: String) -> String {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = last.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "foto" : String(trimmed.prefix(80))
    }
}
