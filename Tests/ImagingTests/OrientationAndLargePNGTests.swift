import Foundation
import Testing
@testable import Imaging

/// The small version stands a phone photo upright by its EXIF orientation, and a 40-megapixel PNG is shrunk without
/// holding its pixels.
@Suite struct OrientationAndLargePNGTests {
    /// A 400×200 JPEG, white but for a red 80×80 square in its stored top-left corner, carrying `orientation` in an
    /// APP1 Exif segment (big- or little-endian TIFF).
    static func orientedJPEG(_ orientation: Int, littleEndian: Bool) throws -> [UInt8] {
        let (width, height) = (400, 200)
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        for y in 0..<80 { for x in 0..<80 { pixels[(y * width + x) * 3 + 1] = 0; pixels[(y * width + x) * 3 + 2] = 0 } }
        let jpeg = try JPEGCodec.encode(RGBImage(width: width, height: height, pixels: pixels), quality: 95)
        func short(_ value: Int) -> [UInt8] { littleEndian ? [UInt8(value & 0xFF), UInt8(value >> 8)] : [UInt8(value >> 8), UInt8(value & 0xFF)] }
        func long(_ value: Int) -> [UInt8] { littleEndian ? short(value & 0xFFFF) + short(value >> 16) : short(value >> 16) + short(value & 0xFFFF) }
        // TIFF header, IFD0 with two entries (an unrelated one first, ImageWidth), then Orientation.
        var tiff: [UInt8] = (littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]) + short(42) + long(8) + short(2)
        tiff += short(0x0100) + short(3) + long(1) + short(width) + [0, 0]
        tiff += short(0x0112) + short(3) + long(1) + short(orientation) + [0, 0]
        tiff += long(0)
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let segment: [UInt8] = [0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        return Array(jpeg[0..<2]) + segment + Array(jpeg[2...])
    }

    /// Where the red square ends up once upright: the corner of the small version whose pixel is red.
    static func redCorner(_ small: SmallPhoto) throws -> String {
        let size = PhotoSize(width: small.width, height: small.height)
        let image = try JPEGCodec.decode(small.jpeg, size: size, atLeast: size)
        func isRed(_ x: Int, _ y: Int) -> Bool {
            let at = (y * image.width + x) * 3
            return image.pixels[at] > 200 && image.pixels[at + 1] < 60 && image.pixels[at + 2] < 60
        }
        let corners = [("kiri-atas", 5, 5), ("kanan-atas", image.width - 6, 5), ("kiri-bawah", 5, image.height - 6),
                       ("kanan-bawah", image.width - 6, image.height - 6)].filter { isRed($0.1, $0.2) }
        return corners.map(\.0).joined(separator: ",")
    }

    @Test(arguments: [(1, "kiri-atas"), (2, "kanan-atas"), (3, "kanan-bawah"), (4, "kiri-bawah"), (5, "kiri-atas"), (6, "kanan-atas"),
                      (7, "kanan-bawah"), (8, "kiri-bawah")])
    func exifOrientationStandsTheSmallVersionUpright(orientation: Int, corner: String) throws {
        for littleEndian in [false, true] {
            let bytes = try Self.orientedJPEG(orientation, littleEndian: littleEndian)
            #expect(ExifOrientation.of(bytes).rawValue == orientation)
            let small = try PhotoShrinker().shrink(bytes)
            // 5-8 turn the photo a quarter: width and height swap. The original's size is as stored.
            let expected = orientation >= 5 ? (200, 400) : (400, 200)
            #expect(small.width == expected.0 && small.height == expected.1, "orientation \(orientation)")
            #expect(try JPEGCodec.size(of: small.jpeg) == PhotoSize(width: expected.0, height: expected.1))
            #expect(small.originalWidth == 400 && small.originalHeight == 200)
            #expect(try Self.redCorner(small) == corner, "orientation \(orientation), little-endian \(littleEndian)")
        }
    }

    @Test func aJPEGWithoutExifOrWithABrokenOneStaysAsStored() throws {
        let plain = try TestImages.jpeg(width: 300, height: 100)
        #expect(ExifOrientation.of(plain) == .up)
        #expect(try PhotoShrinker().shrink(plain).width == 300)
        // An orientation of 9 is not one of the eight: ignored. A segment cut short: ignored, no crash.
        #expect(ExifOrientation.of(try Self.orientedJPEG(9, littleEndian: false)) == .up)
        let oriented = try Self.orientedJPEG(6, littleEndian: false)
        for length in [6, 10, 20, 30, 40] { _ = ExifOrientation.of(Array(oriented.prefix(length))) }
    }

    @Test func aFortyMegapixelPNGIsShrunkRowByRow() throws {
        let png = try PNGCodec.encodeFlat(width: 8_000, height: 5_000, red: 30, green: 120, blue: 200)
        #expect(png.count < 5 * 1024 * 1024)
        let before = Self.peakResidentBytes()
        let small = try PhotoShrinker().shrink(png)
        #expect(small.width == 480 && small.height == 300 && small.originalWidth == 8_000 && small.originalHeight == 5_000)
        let decoded = try JPEGCodec.decode(small.jpeg, size: PhotoSize(width: 480, height: 300), atLeast: PhotoSize(width: 480, height: 300))
        let center = (150 * 480 + 240) * 3
        #expect(abs(Int(decoded.pixels[center]) - 30) < 8 && abs(Int(decoded.pixels[center + 1]) - 120) < 8
                && abs(Int(decoded.pixels[center + 2]) - 200) < 8)
        // Decoded whole it would need 160 MB (RGBA) and 120 MB (RGB); row by row it needs a few rows.
        #expect(Self.peakResidentBytes() - before < 100 * 1024 * 1024)
        // Over the limit it is refused from the header (`PhotoShrinkerTests.absurdDimensionsAreRefusedFromTheHeader`).
    }

    @Test func shrinkingRowByRowGivesTheSamePixelsAsShrinkingTheWholeImage() {
        for (source, target) in [(PhotoSize(width: 997, height: 613), PhotoSize(width: 480, height: 295)),
                                 (PhotoSize(width: 64, height: 48), PhotoSize(width: 64, height: 48))] {
            let image = TestImages.gradient(width: source.width, height: source.height)
            var shrinker = RowShrinker(from: source, to: target)
            for y in 0..<source.height {
                var row = [UInt8]()
                for x in 0..<source.width { row += image.pixels[((y * source.width + x) * 3)..<((y * source.width + x) * 3 + 3)] + [255] }
                row.withUnsafeBufferPointer { shrinker.addRGBA($0) }
            }
            #expect(shrinker.image == Downscaler.shrink(image, to: target))
        }
    }

    /// Every colour type and depth comes out as the same RGB: (grey 128), a palette entry, transparency on white.
    @Test func everyKindOfPNGIsConvertedRowByRow() throws {
        let cases: [(String, [UInt8], (Int, Int, Int))] = [
            ("grey 8", RawPNG.make(width: 16, height: 4, bitDepth: 8, colorType: 0, row: [UInt8](repeating: 128, count: 16)), (128, 128, 128)),
            ("grey 1", RawPNG.make(width: 16, height: 4, bitDepth: 1, colorType: 0, row: [0xFF, 0xFF]), (255, 255, 255)),
            ("palette", RawPNG.make(width: 16, height: 4, bitDepth: 8, colorType: 3, row: [UInt8](repeating: 1, count: 16),
                                    palette: [0, 0, 0, 200, 40, 10]), (200, 40, 10)),
            ("palette, transparent", RawPNG.make(width: 16, height: 4, bitDepth: 8, colorType: 3, row: [UInt8](repeating: 0, count: 16),
                                                 palette: [0, 0, 0], transparency: [0]), (255, 255, 255)),
            ("grey and alpha", RawPNG.make(width: 16, height: 4, bitDepth: 8, colorType: 4,
                                           row: Array([[UInt8]](repeating: [0, 0], count: 16).joined())), (255, 255, 255)),
            ("RGB 16", RawPNG.make(width: 16, height: 4, bitDepth: 16, colorType: 2,
                                   row: Array([[UInt8]](repeating: [0x20, 0, 0x80, 0, 0xF0, 0], count: 16).joined())), (0x20, 0x80, 0xF0)),
        ]
        for (name, png, (red, green, blue)) in cases {
            let small = try PhotoShrinker().shrink(png)
            #expect(small.width == 16 && small.height == 4, "\(name)")
            let image = try JPEGCodec.decode(small.jpeg, size: PhotoSize(width: 16, height: 4), atLeast: PhotoSize(width: 16, height: 4))
            let at = (2 * 16 + 8) * 3
            let found = (Int(image.pixels[at]), Int(image.pixels[at + 1]), Int(image.pixels[at + 2]))
            #expect(abs(found.0 - red) < 12 && abs(found.1 - green) < 12 && abs(found.2 - blue) < 12, "\(name): \(found)")
        }
    }

    @Test func aLargeInterlacedPNGIsRefusedInWords() throws {
        let strict = PhotoShrinker(limits: PhotoLimits(maxInterlacedPixels: 100))
        let interlaced = try TestImages.interlacedPNG(width: 40, height: 30)
        #expect(throws: PhotoError.interlacedTooLarge(width: 40, height: 30)) { try strict.shrink(interlaced) }
        #expect(PhotoError.interlacedTooLarge(width: 40, height: 30).message.contains("interlace"))
        // Within the limit it is decoded whole and shrunk as before.
        let small = try PhotoShrinker().shrink(interlaced)
        #expect(small.width == 40 && small.height == 30)
    }

    /// The process's peak resident memory (Linux `ru_maxrss`, in kilobytes).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
