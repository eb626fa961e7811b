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
