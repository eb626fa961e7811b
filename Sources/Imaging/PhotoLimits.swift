/// The size of small versions and the largest original accepted.
public struct PhotoLimits: Sendable, Equatable {
    /// The longest side of a small version, in pixels (smaller photos are never enlarged).
    public var longestSide: Int
    /// The JPEG quality of small versions (1-100).
    public var quality: Int
    /// The most pixels an original may have, checked on its header before decoding.
    public var maxPixels: Int
    /// The most pixels of an interlaced PNG, the one kind decoded whole (4 bytes a pixel while decoding).
    public var maxInterlacedPixels: Int

    public init(longestSide: Int = 480, quality: Int = 72, maxPixels: Int = 40_000_000, maxInterlacedPixels: Int = 8_000_000) {
        self.longestSide = longestSide
        self.quality = quality
        self.maxPixels = maxPixels
        self.maxInterlacedPixels = maxInterlacedPixels
    }

    /// 480 px, quality 72, at most 40 megapixels (8 for an interlaced PNG).
    public static let standard = PhotoLimits()
}
