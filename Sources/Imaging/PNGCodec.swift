import CPNG

/// PNG through libpng's simplified API, which reports errors in `png_image.message` instead of a longjmp into Swift.
/// Transparent pixels are composited on white.
public enum PNGCodec {
    /// The dimensions announced by the PNG header (the IHDR chunk right after the signature), read without libpng.
    static func size(of bytes: [UInt8]) throws(PhotoError) -> PhotoSize {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw .undecodable(detail: "no IHDR chunk")
        }
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let size = PhotoSize(width: number(16), height: number(20))
        guard size.width > 0, size.height > 0 else { throw .undecodable(detail: "empty IHDR") }
        return size
    }

    /// Decodes to RGB, alpha composited on white.
    static func decode(_ bytes: [UInt8]) throws(PhotoError) -> RGBImage {
        var image = emptyImage()
        defer { png_image_free(&image) }
        try begin(&image, bytes)
        image.format = cpng_format_rgba()
        let (width, height) = (Int(image.width), Int(image.height))
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        let ok = rgba.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard ok != 0, cpng_image_failed(&image) == 0 else { throw .undecodable(detail: message(image)) }
        return RGBImage(width: width, height: height, pixels: onWhite(rgba, pixelCount: width * height))
    }

    /// `image` as an 8-bit RGB PNG (used to make test images; the portal stores originals as uploaded).
    public static func encode(_ image: RGBImage) throws(PhotoError) -> [UInt8] {
        try encode(pixels: image.pixels, width: image.width, height: image.height, format: cpng_format_rgb())
    }

    /// RGBA pixels (`width * height * 4` bytes, straight alpha) as an 8-bit RGBA PNG.
    public static func encodeRGBA(_ pixels: [UInt8], width: Int, height: Int) throws(PhotoError) -> [UInt8] {
        try encode(pixels: pixels, width: width, height: height, format: cpng_format_rgba())
    }

    private static func encode(pixels: [UInt8], width: Int, height: Int, format: png_uint_32) throws(PhotoError) -> [UInt8] {
        var image = emptyImage()
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = format
        var size = 0
        let sized = pixels.withUnsafeBytes { png_image_write_to_memory(&image, nil, &size, 0, $0.baseAddress, 0, nil) }
        guard sized != 0, size > 0 else { throw .encodingFailed(detail: message(image)) }
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { destination in
            pixels.withUnsafeBytes { png_image_write_to_memory(&image, destination.baseAddress, &size, 0, $0.baseAddress, 0, nil) }
        }
        guard written != 0 else { throw .encodingFailed(detail: message(image)) }
        return Array(output.prefix(size))
    }

    private static func emptyImage() -> png_image {
        var image = png_image()
        image.version = cpng_image_version()
        return image
    }

    private static func begin(_ image: inout png_image, _ bytes: [UInt8]) throws(PhotoError) {
        let ok = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard ok != 0, image.width > 0, image.height > 0 else { throw .undecodable(detail: message(image)) }
    }

    private static func message(_ image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private static func onWhite(_ rgba: [UInt8], pixelCount: Int) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: pixelCount * 3)
        rgba.withUnsafeBufferPointer { source in
            rgb.withUnsafeMutableBufferPointer { destination in
                for pixel in 0..<pixelCount {
                    let alpha = Int(source[pixel * 4 + 3]), white = 255 * (255 - alpha)
                    for channel in 0..<3 {
                        destination[pixel * 3 + channel] = UInt8((Int(source[pixel * 4 + channel]) * alpha + white + 127) / 255)
                    }
                }
            }
        }
        return rgb
    }
}
