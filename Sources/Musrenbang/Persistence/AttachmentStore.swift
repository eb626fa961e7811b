import Foundation
import Storage

/// Where attachment files live and how large one may be. Files get generated names under `directory`
/// (`p<proposal id>/<32 random hex>.<ext>`); nothing a user sends becomes part of a path.
public struct AttachmentStore: Sendable {
    /// The data folder for attachments (created when missing).
    public var directory: String
    /// The largest accepted file, in bytes.
    public var maxBytes: Int

    public init(directory: String, maxBytes: Int = 5 * 1_048_576) {
        self.directory = directory; self.maxBytes = maxBytes
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

    /// A new relative path for a file of `kind` of `proposalId`.
    func newRelativePath(proposalId: ProposalID, kind: AttachmentKind) -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<2).map { _ in
            let digits = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
        return "p\(proposalId.rawValue)/\(hex).\(kind.fileExtension)"
    }

    /// The absolute path of a stored relative path.
    public func absolutePath(_ relativePath: String) -> String {
        (directory as NSString).appendingPathComponent(relativePath)
    }

    /// Writes `bytes` at `relativePath` (atomically: a temporary file renamed into place).
    func write(_ bytes: [UInt8], to relativePath: String) throws {
        let url = URL(fileURLWithPath: absolutePath(relativePath))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: [.atomic])
    }

    /// Removes the file at `relativePath` if it is there.
    public func remove(_ relativePath: String) {
        try? FileManager.default.removeItem(atPath: absolutePath(relativePath))
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
