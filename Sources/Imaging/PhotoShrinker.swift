/// Makes the small JPEG version of a JPEG or PNG photo: checks the format by its bytes and the header's dimensions
/// before decoding, then shrinks (never enlarges) and encodes. EXIF orientation is ignored: the small version keeps
/// the pixel order stored in the file.
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
        let decoded = switch format {
        case .jpeg: try JPEGCodec.decode(bytes, size: size, atLeast: target)
        case .png: try PNGCodec.decode(bytes)
        }
        let small = Downscaler.shrink(decoded, to: target)
        return SmallPhoto(jpeg: try JPEGCodec.encode(small, quality: limits.quality), width: small.width, height: small.height,
                          originalFormat: format, originalWidth: size.width, originalHeight: size.height)
    }
}
