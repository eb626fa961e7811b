/// The EXIF Orientation tag (1-8) of a JPEG: how the stored pixels must be turned to stand upright. Phones store the
/// sensor's pixels as they come and set this tag instead of rotating them; a small version that ignored it would show
/// portrait photos lying on their side. Read from the APP1 "Exif" segment without any library.
enum ExifOrientation: Int, Sendable {
    case up = 1, mirrored, upsideDown, flipped, transposed, rotatedClockwise, transversed, rotatedCounterClockwise

    /// The tag in `jpeg`'s first APP1 Exif segment, or `.up` when there is none or it is not 1-8.
    static func of(_ jpeg: [UInt8]) -> ExifOrientation {
        guard jpeg.count > 4, jpeg[0] == 0xFF, jpeg[1] == 0xD8 else { return .up }
        var index = 2
        while index + 4 <= jpeg.count {
            guard jpeg[index] == 0xFF else { return .up }
            let marker = jpeg[index + 1]
            if marker == 0xFF { index += 1; continue }
            // Markers without a length (restart markers, TEM); the scan (SOS) or the end ends the metadata.
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { index += 2; continue }
            if marker == 0xDA || marker == 0xD9 { return .up }
            let length = Int(jpeg[index + 2]) << 8 | Int(jpeg[index + 3])
            let end = index + 2 + length
            guard length >= 2, end <= jpeg.count else { return .up }
            if marker == 0xE1, let found = fromExif(jpeg[(index + 4)..<end]) { return found }
            index = end
        }
        return .up
    }

    /// The orientation in an APP1 payload ("Exif\0\0" then a TIFF header and IFD0), or nil when it is not Exif.
    private static func fromExif(_ payload: ArraySlice<UInt8>) -> ExifOrientation? {
        let bytes = Array(payload)
        guard bytes.count >= 14, bytes.starts(with: Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = 6
        let little: Bool
        switch (bytes[tiff], bytes[tiff + 1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func number(_ offset: Int, _ size: Int) -> Int? {
            guard offset >= 0, offset + size <= bytes.count else { return nil }
            let part = bytes[offset..<(offset + size)]
            return (little ? part.reversed() : Array(part)).reduce(0) { $0 << 8 | Int($1) }
        }
        guard number(tiff + 2, 2) == 42, let ifd = number(tiff + 4, 4), let count = number(tiff + ifd, 2) else { return nil }
        for entry in 0..<min(count, 512) {
            let at = tiff + ifd + 2 + entry * 12
            guard let tag = number(at, 2) else { return nil }
            // Tag 0x0112, type SHORT (3): the value sits in the first two bytes of the value field.
            if tag == 0x0112 {
                guard number(at + 2, 2) == 3, let value = number(at + 8, 2) else { return .up }
                return ExifOrientation(rawValue: value) ?? .up
            }
        }
        return .up
    }

    /// Whether standing the image up swaps its width and height (orientations 5-8).
    var swapsSides: Bool { rawValue >= 5 }

    /// `image` turned and flipped to stand upright.
    func apply(to image: RGBImage) -> RGBImage {
        guard self != .up else { return image }
        let (w, h) = (image.width, image.height)
        let (outWidth, outHeight) = swapsSides ? (h, w) : (w, h)
        var out = [UInt8](repeating: 0, count: image.pixels.count)
        image.pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { destination in
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        // The stored pixel shown at (x, y) once upright.
                        let (sx, sy): (Int, Int) = switch self {
                        case .up: (x, y)
                        case .mirrored: (w - 1 - x, y)
                        case .upsideDown: (w - 1 - x, h - 1 - y)
                        case .flipped: (x, h - 1 - y)
                        case .transposed: (y, x)
                        case .rotatedClockwise: (y, h - 1 - x)
                        case .transversed: (w - 1 - y, h - 1 - x)
                        case .rotatedCounterClockwise: (w - 1 - y, x)
                        }
                        let from = (sy * w + sx) * 3, to = (y * outWidth + x) * 3
                        destination[to] = source[from]
                        destination[to + 1] = source[from + 1]
                        destination[to + 2] = source[from + 2]
                    }
                }
            }
        }
        return RGBImage(width: outWidth, height: outHeight, pixels: out)
    }
}
