/// Makes the small JPEG version of a JPEG or PNG photo: checks the format by its bytes and the header's dimensions
/// before decoding, then shrinks (never enlarges), stands a JPEG upright by its EXIF orientation, and encodes. A PNG is
/// shrunk row by row as it is decoded, so even 40 megapixels need only a few rows of memory.
public struct PhotoShrinker: Sendable {
    public let limits: PhotoLimits

    public init(limits: PhotoLimits = .standard) {
        self.limits = limits
    }

    /// The small version of `bytes`; throws `PhotoError` (with an Indonesian message) for anything else.
    public func shrink(_ bytes: [UInt8]) throws(PhotoError) -> SmallPhoto {
        guard let format = PhotoFormat.detect(bytes) else { throw .notAPhoto }
        let size = switch format {
        case .jpeg: try JPEGCodec.size(of: bytes)
        case .png: try PNGCodec.size(of: bytes)
        }
        guard size.width.multipliedReportingOverflow(by: size.height).partialValue <= limits.maxPixels,
              size.width <= limits.maxPixels, size.height <= limits.maxPixels else {
            throw .tooManyPixels(width: size.width, height: size.height)
        }
        let target = size.fitting(longestSide: limits.longestSide)
        let small = switch format {
        case .jpeg:
            // Turned after shrinking: the same result, on a few hundred pixels a side instead of the whole photo.
            ExifOrientation.of(bytes).apply(to: Downscaler.shrink(try JPEGCodec.decode(bytes, size: size, atLeast: target), to: target))
        case .png:
            try PNGCodec.decodeShrunk(bytes, size: size, to: target, maxInterlacedPixels: limits.maxInterlacedPixels)
        }
        return SmallPhoto(jpeg: try JPEGCodec.encode(small, quality: limits.quality), width: small.width, height: small.height,
                          originalFormat: format, originalWidth: size.width, originalHeight: size.height)
    }
}
