import Foundation
import Storage

/// How proposal attachments are checked and named: the largest accepted file and the kinds recognised by their
/// bytes. The bytes themselves are kept in the database (`attachment_contents`, Migrations/0015) so that a backup
/// carries them; `storage_path` is a generated unique name (`p<proposal id>/<32 random hex>.<ext>`), never anything a
/// user sent.
public struct AttachmentStore: Sendable {
    /// The largest accepted file, in bytes.
    public var maxBytes: Int

    public init(maxBytes: Int = 5 * 1_048_576) {
        self.maxBytes = maxBytes
    }

    /// The checked kind of `bytes`: non-empty, at most `maxBytes`, a JPEG, PNG or PDF by its first bytes.
    public func check(_ bytes: [UInt8]) throws(DomainError) -> AttachmentKind {
        guard !bytes.isEmpty else { throw .missingInput(field: "berkas") }
        guard bytes.count <= maxBytes else {
            throw .invalidInput(field: "berkas", detail: "ukuran maksimal \(maxBytes / 1024) KB")
        }
        guard let kind = AttachmentKind.detect(bytes) else {
            throw .invalidInput(field: "berkas", detail: "hanya foto JPEG atau PNG, atau dokumen PDF")
        }
        return kind
    }

    /// A new unique name for a file of `kind` of `proposalId` (the `storage_path` column).
    func newStorageName(proposalId: ProposalID, kind: AttachmentKind) -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<2).map { _ in
            let digits = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
        return "p\(proposalId.rawValue)/\(hex).\(kind.fileExtension)"
    }

    /// The name shown for an upload: the last component of what the browser sent, without control characters,
    /// at most 120 characters; "lampiran.<ext>" when nothing is left. Display only, never a path.
    public static func displayName(_ sent: String, kind: AttachmentKind) -> String {
        displayName(sent, fallback: "lampiran.\(kind.fileExtension)")
    }

    /// `displayName(_:kind:)` for any upload (a CSV file too), `fallback` when nothing is left.
    public static func displayName(_ sent: String, fallback: String) -> String {
        let last = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? fallback : String(clean.prefix(120))
    }
}
