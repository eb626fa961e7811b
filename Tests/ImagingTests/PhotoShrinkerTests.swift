import Testing
@testable import Imaging

@Suite struct PhotoShrinkerTests {
    let shrinker = PhotoShrinker()

    @Test func largeJPEGBecomesSmallJPEG() throws {
        let original = try TestImages.jpeg(width: 2000, height: 1500)
        let small = try shrinker.shrink(original)
        #expect(small.width == 480 && small.height == 360)
        #expect(small.originalFormat == .jpeg && small.originalWidth == 2000 && small.originalHeight == 1500)
        #expect(PhotoFormat.detect(small.jpeg) == .jpeg)
        #expect(small.jpeg.count < 60_000)
        #expect(try JPEGCodec.size(of: small.jpeg) == PhotoSize(width: 480, height: 360))
        let decoded = try JPEGCodec.decode(small.jpeg, size: PhotoSize(width: 480, height: 360), atLeast: PhotoSize(width: 480, height: 360))
        #expect(decoded.pixels.count == 480 * 360 * 3)
    }

    @Test func portraitPNGBecomesSmallJPEG() throws {
        let small = try shrinker.shrink(try TestImages.png(width: 600, height: 1200))
        #expect(small.width == 240 && small.height == 480)
        #expect(small.originalFormat == .png)
        #expect(try JPEGCodec.size(of: small.jpeg) == PhotoSize(width: 240, height: 480))
        #expect(small.jpeg.count < 60_000)
    }

    @Test func smallPhotoIsNeverEnlarged() throws {
        let small = try shrinker.shrink(try TestImages.jpeg(width: 300, height: 200))
        #expect(small.width == 300 && small.height == 200)
    }

    @Test func transparentPNGIsCompositedOnWhite() throws {
        let small = try shrinker.shrink(try TestImages.transparentPNG(width: 64, height: 64))
        let decoded = try JPEGCodec.decode(small.jpeg, size: PhotoSize(width: 64, height: 64), atLeast: PhotoSize(width: 64, height: 64))
        #expect(decoded.pixels.allSatisfy { $0 > 245 })
    }

    @Test(arguments: [PhotoFormat.jpeg, .png])
    func truncatedFileIsRefused(format: PhotoFormat) throws {
        let whole = format == .jpeg ? try TestImages.jpeg(width: 800, height: 600) : try TestImages.png(width: 800, height: 600)
        for length in [whole.count / 2, 40, 12] {
            #expect(throws: PhotoError.self) { try shrinker.shrink(Array(whole.prefix(length))) }
        }
    }

    @Test func randomBytesAreRefused() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(throws: PhotoError.self) { try shrinker.shrink(noise) }
            // The same noise behind a real signature reaches the decoders, which must refuse it too.
            #expect(throws: PhotoError.self) { try shrinker.shrink([0xFF, 0xD8, 0xFF] + noise) }
            #expect(throws: PhotoError.self) { try shrinker.shrink([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + noise) }
        }
    }

    @Test func absurdDimensionsAreRefusedFromTheHeader() throws {
        // A PNG header announcing 10000×5000 (50 megapixels), with no pixel data at all.
        var header: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        let chunk: [UInt8] = Array("IHDR".utf8) + bigEndian(10_000) + bigEndian(5_000) + [8, 2, 0, 0, 0]
        header += chunk + bigEndian(CRC32.checksum(chunk))
        #expect(throws: PhotoError.tooManyPixels(width: 10_000, height: 5_000)) { try shrinker.shrink(header) }
        // A real JPEG over a lowered limit is refused the same way.
        let strict = PhotoShrinker(limits: PhotoLimits(maxPixels: 100_000))
        #expect(throws: PhotoError.tooManyPixels(width: 400, height: 300)) { try strict.shrink(try TestImages.jpeg(width: 400, height: 300)) }
    }

    @Test func messagesAreIndonesian() {
        #expect(PhotoError.notAPhoto.message == "Berkas bukan foto JPEG atau PNG.")
        #expect(PhotoError.tooManyPixels(width: 9000, height: 6000).message.contains("megapiksel"))
        #expect(PhotoError.undecodable(detail: "x").message.contains("rusak"))
    }

    private func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
