/// The size of small versions and the largest original accepted.
public struct PhotoLimits: Sendable, Equatable {
    /// The longest side of a small version, in pixels (smaller photos are never enlarged).
    public var longestSide: Int
    /// The JPEG quality of small versions (1-100).
    public var quality: Int
    /// The most pixels an original may have, checked on its header before decoding.
    public var maxPixels: Int

    public init(longestSide: Int = 480, quality: Int = 72, maxPixels: Int = 40_000_000) {
        self.longestSide = longestSide
        self.quality = quality
        self.maxPixels = maxPixels
    }

    /// 480 px, quality 72, at most 40 megapixels.
    public static let standard = PhotoLimits()
}
