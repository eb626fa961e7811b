import CTurboJPEG

/// JPEG through libjpeg-turbo's TurboJPEG API: header, decoding (scaled down by the decoder when that is cheaper)
/// and encoding. Errors come back as return codes, never as a trap. EXIF orientation: `ExifOrientation`.
public enum JPEGCodec {
    /// The dimensions announced by the JPEG header.
    static func size(of bytes: [UInt8]) throws(PhotoError) -> PhotoSize {
        guard let handle = tjInitDecompress() else { throw .undecodable(detail: "tjInitDecompress") }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let status = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colorspace)
        }
        guard status == 0, width > 0, height > 0 else { throw .undecodable(detail: errorText(handle)) }
        return PhotoSize(width: Int(width), height: Int(height))
    }

    /// Decodes to RGB, letting the decoder scale by 1/8, 1/4 or 1/2 while both sides stay at least `atLeast`'s.
    static func decode(_ bytes: [UInt8], size: PhotoSize, atLeast target: PhotoSize) throws(PhotoError) -> RGBImage {
        guard let handle = tjInitDecompress() else { throw .undecodable(detail: "tjInitDecompress") }
        defer { tjDestroy(handle) }
        var scaled = size
        for denominator in [8, 4, 2] {
            let candidate = PhotoSize(width: (size.width + denominator - 1) / denominator,
                                      height: (size.height + denominator - 1) / denominator)
            if candidate.width >= target.width && candidate.height >= target.height { scaled = candidate; break }
        }
        var pixels = [UInt8](repeating: 0, count: scaled.width * scaled.height * 3)
        let status = bytes.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { destination in
                tjDecompress2(handle, source.baseAddress, UInt(source.count), destination.baseAddress,
                              Int32(scaled.width), 0, Int32(scaled.height), Int32(TJPF_RGB.rawValue),
                              Int32(TJFLAG_STOPONWARNING))
            }
        }
        guard status == 0 else { throw .undecodable(detail: errorText(handle)) }
        return RGBImage(width: scaled.width, height: scaled.height, pixels: pixels)
    }

    /// `image` as a baseline JPEG (4:2:0) of the given quality (1-100).
    public static func encode(_ image: RGBImage, quality: Int) throws(PhotoError) -> [UInt8] {
        guard let handle = tjInitCompress() else { throw .encodingFailed(detail: "tjInitCompress") }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>? = nil
        var length: UInt = 0
        let status = image.pixels.withUnsafeBufferPointer {
            tjCompress2(handle, $0.baseAddress, Int32(image.width), 0, Int32(image.height), Int32(TJPF_RGB.rawValue),
                        &output, &length, Int32(TJSAMP_420.rawValue), Int32(min(100, max(1, quality))), 0)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else { throw .encodingFailed(detail: errorText(handle)) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

    private static func errorText(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "kesalahan TurboJPEG" }
        return String(cString: text)
    }
}
