/// The small JPEG made from a photo, with its size and the original's.
public struct SmallPhoto: Sendable, Equatable {
    /// The JPEG bytes of the small version.
    public let jpeg: [UInt8]
    public let width: Int
    public let height: Int
    /// The original's format and dimensions, as read from its header.
    public let originalFormat: PhotoFormat
    public let originalWidth: Int
    public let originalHeight: Int
}
