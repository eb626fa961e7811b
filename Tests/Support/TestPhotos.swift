import Imaging

/// Real photos made in the tests: an RGB gradient encoded as JPEG by TurboJPEG.
public enum TestPhotos {
    /// A `width` x `height` gradient as a JPEG (quality 85).
    public static func jpeg(width: Int, height: Int) throws -> [UInt8] {
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                pixels += [UInt8(x * 255 / width), UInt8(y * 255 / height), UInt8((x + y) % 256)]
            }
        }
        return try JPEGCodec.encode(RGBImage(width: width, height: height, pixels: pixels), quality: 85)
    }
}

extension TestPhotos {
    /// `jpeg` with an APP1 Exif segment right after its SOI marker whose IFD0 holds only Orientation (big-endian
    /// TIFF), as a phone writes it instead of turning the pixels.
    public static func withOrientation(_ jpeg: [UInt8], _ orientation: UInt8) -> [UInt8] {
        let tiff: [UInt8] = [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let length = payload.count + 2
        return Array(jpeg[0..<2]) + [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + Array(jpeg[2...])
    }
}
