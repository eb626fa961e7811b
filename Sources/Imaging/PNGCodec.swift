import CPNG
#if canImport(Glibc)
import Glibc
#endif

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

    /// Decodes row by row and shrinks on the way to `target` (alpha composited on white), never holding the whole
    /// image; an interlaced PNG (whose rows come in seven passes) is decoded whole, and refused above
    /// `maxInterlacedPixels`.
    static func decodeShrunk(_ bytes: [UInt8], size: PhotoSize, to target: PhotoSize, maxInterlacedPixels: Int)
        throws(PhotoError) -> RGBImage {
        let stream = UnsafeMutablePointer<cpng_stream>.allocate(capacity: 1)
        defer { stream.deallocate() }
        enum Outcome { case image(RGBImage), interlaced, failed(String) }
        let outcome = bytes.withUnsafeBufferPointer { input -> Outcome in
            defer { cpng_read_close(stream) }
            guard cpng_read_open(stream, input.baseAddress, input.count) == 0 else { return .failed(streamMessage(stream)) }
            if stream.pointee.interlaced != 0 { return .interlaced }
            guard Int(stream.pointee.width) == size.width, Int(stream.pointee.height) == size.height else {
                return .failed("IHDR berubah")
            }
            var shrinker = RowShrinker(from: size, to: target)
            var row = [UInt8](repeating: 0, count: size.width * 4)
            for _ in 0..<size.height {
                let status = row.withUnsafeMutableBufferPointer { cpng_read_row(stream, $0.baseAddress) }
                guard status == 0 else { return .failed(streamMessage(stream)) }
                row.withUnsafeBufferPointer { shrinker.addRGBA($0) }
            }
            return shrinker.image.map(Outcome.image) ?? .failed("baris kurang")
        }
        switch outcome {
        case .image(let image):
            return image
        case .failed(let detail):
            throw .undecodable(detail: detail)
        case .interlaced:
            guard size.width * size.height <= maxInterlacedPixels else {
                throw .interlacedTooLarge(width: size.width, height: size.height)
            }
            return Downscaler.shrink(try decode(bytes), to: target)
        }
    }

    /// An 8-bit RGB PNG of `width` x `height` in one flat colour, written row by row (a large test image that
    /// compresses to almost nothing, made without holding its pixels), interlaced or not.
    public static func encodeFlat(width: Int, height: Int, red: UInt8, green: UInt8, blue: UInt8,
                                  interlaced: Bool = false) throws(PhotoError) -> [UInt8] {
        let stream = UnsafeMutablePointer<cpng_stream>.allocate(capacity: 1)
        defer { stream.deallocate() }
        var row = [UInt8](repeating: 0, count: width * 3)
        for x in 0..<width { row[x * 3] = red; row[x * 3 + 1] = green; row[x * 3 + 2] = blue }
        let status = row.withUnsafeBufferPointer { cpng_write_repeated_row(stream, png_uint_32(width), png_uint_32(height), $0.baseAddress,
                                                                           interlaced ? 1 : 0) }
        defer { free(stream.pointee.output) }
        guard status == 0, let output = stream.pointee.output else { throw .encodingFailed(detail: streamMessage(stream)) }
        return Array(UnsafeBufferPointer(start: output, count: stream.pointee.output_length))
    }

    private static func streamMessage(_ stream: UnsafeMutablePointer<cpng_stream>) -> String {
        withUnsafeBytes(of: stream.pointee.message) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
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
