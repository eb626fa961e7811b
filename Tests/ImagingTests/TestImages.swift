import Imaging

/// Photos generated in the tests: an RGB gradient encoded as JPEG or PNG, and a half-transparent PNG.
enum TestImages {
    /// A `width`×`height` gradient: red across, green down, blue diagonal.
    static func gradient(width: Int, height: Int) -> RGBImage {
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                pixels.append(UInt8(x * 255 / max(1, width - 1)))
                pixels.append(UInt8(y * 255 / max(1, height - 1)))
                pixels.append(UInt8((x + y) * 255 / max(1, width + height - 2)))
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    static func jpeg(width: Int, height: Int, quality: Int = 90) throws -> [UInt8] {
        try JPEGCodec.encode(gradient(width: width, height: height), quality: quality)
    }

    static func png(width: Int, height: Int) throws -> [UInt8] {
        try PNGCodec.encode(gradient(width: width, height: height))
    }

    /// A fully transparent black PNG: composited on white it must come out white.
    static func transparentPNG(width: Int, height: Int) throws -> [UInt8] {
        try PNGCodec.encodeRGBA([UInt8](repeating: 0, count: width * height * 4), width: width, height: height)
    }

    /// A flat grey Adam7-interlaced PNG.
    static func interlacedPNG(width: Int, height: Int) throws -> [UInt8] {
        try PNGCodec.encodeFlat(width: width, height: height, red: 128, green: 128, blue: 128, interlaced: true)
    }
}
