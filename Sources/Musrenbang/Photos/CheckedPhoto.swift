import Imaging
import Storage

/// An uploaded photo that passed `ProposalPhotoRules.check`: the original's bytes, its type, its small version.
public struct CheckedPhoto: Sendable {
    public let original: [UInt8]
    public let format: PhotoFormat
    public let small: SmallPhoto

    /// Lowercase hex SHA-256 of the original.
    public var sha256: String { SHA256.hexDigest(original) }
}
