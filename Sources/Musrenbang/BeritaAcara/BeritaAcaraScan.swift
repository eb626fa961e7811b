import Foundation

/// The scan of a signed berita acara (PDF, JPEG or PNG, recognised by its bytes).
public struct BeritaAcaraScan: Hashable, Sendable {
    public var kind: AttachmentKind
    public var byteCount: Int
    public var uploadedAt: Date

    /// The largest scan accepted (a few pages scanned as PDF).
    public static let maxBytes = 10 * 1_048_576

    /// The checked kind of `bytes`: non-empty, at most `maxBytes`, a PDF, JPEG or PNG by its first bytes.
    public static func check(_ bytes: [UInt8]) throws(DomainError) -> AttachmentKind {
        guard !bytes.isEmpty else { throw .missingInput(field: "pindaian berita acara") }
        guard bytes.count <= maxBytes else { throw .invalidInput(field: "pindaian berita acara", detail: "ukuran paling besar 10 MB") }
        guard let kind = AttachmentKind.detect(bytes) else {
            throw .invalidInput(field: "pindaian berita acara", detail: "hanya dokumen PDF, atau foto JPEG atau PNG")
        }
        return kind
    }
}
