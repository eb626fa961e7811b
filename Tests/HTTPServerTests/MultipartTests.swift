import Foundation
import Testing
@testable import HTTPServer

@Suite struct MultipartTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    /// Binary content that contains near-misses of the delimiter and every byte value.
    static let trickyContent: [UInt8] = Array("\r\n--".utf8) + Array("\r\n--\(boundary.dropLast())x".utf8)
        + Array(0...255) + Array("\r\r\n\n--\r\n-".utf8) + Array("--\(boundary)".utf8) + Array("\r\n".utf8)

    static let sampleBody = MultipartFixture.body(boundary: boundary, parts: [
        .field("judul", "Perbaikan jalan lingkungan"),
        .field("kategori", "infrastruktur"),
        .file("lampiran", filename: "denah.pdf", content: trickyContent),
        .field("kategori", "sosial"),
        .field("catatan", "Baris satu\r\nBaris dua é €"),
        .file("foto", filename: "foto.jpg", type: "IMAGE/JPEG; x=1", content: []),
    ])

    /// What a parse produced, with file contents in place of paths so different runs compare equal.
    struct Outcome: Equatable {
        var fieldNames: [String]
        var fieldValues: [String]
        var files: [String]
        var contents: [[UInt8]]

        init(_ form: FormData) throws {
            fieldNames = form.fields.map(\.name)
            fieldValues = form.fields.map(\.value)
            files = form.files.map { "\($0.fieldName)|\($0.originalFilename)|\($0.contentType)|\($0.size)" }
            contents = try form.files.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0.path))) }
        }
    }

    func parse(_ body: [UInt8], chunk: Int, limits: FormLimits = FormLimits(), directory: UploadTestDirectory) throws -> FormData {
        let parser = try MultipartParser(boundary: Self.boundary, limits: limits, uploadDirectory: directory.path)
        var offset = 0
        while offset < body.count {
            let end = min(body.count, offset + chunk)
            try parser.feed(body[offset..<end])
            offset = end
        }
        return try parser.finish()
    }

    @Test func parsesFieldsAndFiles() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let form = try MultipartParser.parse(Self.sampleBody, boundary: Self.boundary, uploadDirectory: directory.path)
        #expect(form.fields.map(\.name) == ["judul", "kategori", "kategori", "catatan"])
        #expect(form["judul"] == "Perbaikan jalan lingkungan")
        #expect(form.values("kategori") == ["infrastruktur", "sosial"])
        #expect(form["catatan"] == "Baris satu\r\nBaris dua é €")
        #expect(form.files.count == 2)
        let lampiran = try #require(form.file("lampiran"))
        #expect(lampiran.originalFilename == "denah.pdf")
        #expect(lampiran.contentType == "application/pdf")
        #expect(lampiran.size == Self.trickyContent.count)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: lampiran.path))) == Self.trickyContent)
        let foto = try #require(form.file("foto"))
        #expect(foto.contentType == "image/jpeg")
        #expect(foto.size == 0)
        form.removeFiles()
        #expect(try directory.contents().isEmpty)
    }

    @Test(arguments: [1, 2, 3, 7, 39, 40, 41, 64, 1000])
    func chunkBoundariesDoNotMatter(chunk: Int) throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let whole = try Outcome(try MultipartParser.parse(Self.sampleBody, boundary: Self.boundary, uploadDirectory: directory.path))
        let chunked = try Outcome(try parse(Self.sampleBody, chunk: chunk, directory: directory))
        #expect(chunked == whole)
    }

    @Test func bodyWithNoPartsIsAnEmptyForm() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let form = try MultipartParser.parse(Array("--\(Self.boundary)--\r\n".utf8), boundary: Self.boundary, uploadDirectory: directory.path)
        #expect(form.fields.isEmpty && form.files.isEmpty)
    }

    @Test func randomChunkingOfALargeFileMatches() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        var generator = FormTestRandom(seed: 7)
        let content = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let body = MultipartFixture.body(boundary: Self.boundary, parts: [
            .field("a", "1"), .file("berkas", filename: "besar.bin", content: content), .field("b", "2"),
        ])
        let parser = try MultipartParser(boundary: Self.boundary, uploadDirectory: directory.path)
        var offset = 0
        while offset < body.count {
            let end = min(body.count, offset + Int.random(in: 1...9000, using: &generator))
            try parser.feed(body[offset..<end])
            offset = end
        }
        let form = try parser.finish()
        #expect(form.fields.map(\.value) == ["1", "2"])
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: try #require(form.file("berkas")).path))) == content)
    }

    @Test func parsesFromASpooledFileInChunks() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let spooled = try directory.write(Self.sampleBody)
        let uploads = directory.path + "/uploads"
        try FileManager.default.createDirectory(atPath: uploads, withIntermediateDirectories: false)
        let expected = try Outcome(try MultipartParser.parse(Self.sampleBody, boundary: Self.boundary, uploadDirectory: uploads))
        for chunk in [1, 5, MultipartParser.fileChunkSize] {
            let form = try MultipartParser.parse(
                contentsOfFile: spooled, boundary: Self.boundary, uploadDirectory: uploads, chunkSize: chunk)
            #expect(try Outcome(form) == expected)
        }
    }

    @Test func filesGetGeneratedPrivateNames() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let body = MultipartFixture.body(boundary: Self.boundary, parts: [
            .file("f", filename: "../../../etc/cron.d/evil", content: Array("x".utf8)),
            .file("f", filename: "evil", content: Array("y".utf8)),
        ])
        let form = try MultipartParser.parse(body, boundary: Self.boundary, uploadDirectory: directory.path)
        #expect(form.files.map(\.originalFilename) == ["evil", "evil"])
        #expect(Set(form.files.map(\.path)).count == 2)
        for file in form.files {
            let url = URL(fileURLWithPath: file.path)
            #expect(url.deletingLastPathComponent().standardizedFileURL.path == URL(fileURLWithPath: directory.path).standardizedFileURL.path)
            #expect(url.lastPathComponent.wholeMatch(of: /[0-9a-f]{32}\.upload/) != nil)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
    }

    @Test(arguments: [
        ("laporan.pdf", "laporan.pdf"), ("../../etc/passwd", "passwd"), (#"C:\Users\Ani\Dokumen\usulan.docx"#, "usulan.docx"),
        ("a\u{0}b\u{7}c\u{1B}.txt", "abc.txt"), ("evil\u{202E}fdp.exe", "evilfdp.exe"), ("..", ""), ("dir/", ""),
        ("  spasi.txt  ", "spasi.txt"), ("foto 17-08.jpg", "foto 17-08.jpg"),
    ])
    func sanitizesFilenames(raw: String, expected: String) {
        #expect(UploadFilename.sanitize(raw) == expected)
    }

    @Test func capsLongFilenamesKeepingTheExtension() {
        let name = UploadFilename.sanitize(String(repeating: "é", count: 300) + ".pdf")
        #expect(name.utf8.count <= UploadFilename.maxBytes)
        #expect(name.hasSuffix("é.pdf"))
        #expect(UploadFilename.sanitize(String(repeating: "a", count: 500)).utf8.count == UploadFilename.maxBytes)
    }

    @Test func unselectedFileInputIsIgnored() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let body = MultipartFixture.body(boundary: Self.boundary, parts: [
            .file("lampiran", filename: "", type: "application/octet-stream", content: []), .field("a", "1"),
        ])
        let form = try MultipartParser.parse(body, boundary: Self.boundary, uploadDirectory: directory.path)
        #expect(form.files.isEmpty)
        #expect(form.fields.map(\.name) == ["a"])
        #expect(try directory.contents().isEmpty)
    }

    @Test func ignoresPreambleEpilogueAndPadding() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        var body = Array("This is the preamble.\r\n--\(Self.boundary)  \t\r\n".utf8)
        body += Array("content-disposition: FORM-DATA; name=a\r\nX-Other: y\r\n\r\nsatu".utf8)
        body += Array("\r\n--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--\(Self.boundary)--\r\nepilogue --\(Self.boundary)\r\ngarbage".utf8)
        let form = try MultipartParser.parse(body, boundary: Self.boundary, uploadDirectory: directory.path)
        #expect(form.fields.map(\.name) == ["a", "b"])
        #expect(form.fields.map(\.value) == ["satu", ""])
    }

    @Test func acceptsFilenameStarAndQuotedNames() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let body = MultipartFixture.body(boundary: Self.boundary, parts: [
            MultipartFixture.Part(headers: ["Content-Disposition: form-data; name=\"f\"; filename*=UTF-8''r%C3%A9sum%C3%A9.txt"], content: [1]),
            MultipartFixture.Part(headers: [#"Content-Disposition: form-data; name="semi;colon"; filename="a;b.txt""#], content: [2]),
        ])
        let form = try MultipartParser.parse(body, boundary: Self.boundary, uploadDirectory: directory.path)
        #expect(form.files.map(\.originalFilename) == ["résumé.txt", "a;b.txt"])
        #expect(form.files.map(\.fieldName) == ["f", "semi;colon"])
        #expect(form.files.map(\.contentType) == ["application/octet-stream", "application/octet-stream"])
    }

    @Test(arguments: ["", String(repeating: "b", count: 71), "ab\r\ncd", "trailing ", "é"])
    func refusesBadBoundaries(boundary: String) throws {
        let error = try #require(throws: FormError.self) { try MultipartParser(boundary: boundary, uploadDirectory: "/tmp") }
        #expect(error.kind == .missingBoundary)
        #expect(error.statusCode == 400)
    }

    static let malformedBodies: [(String, String, FormError.Kind)] = [
        ("no delimiter at all", "just some text", .unterminated),
        ("no close delimiter", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", .unterminated),
        ("ends in headers", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n", .unterminated),
        ("garbage after boundary", "--Bxyz\r\n\r\n--B--", .malformed),
        ("header without colon", "--B\r\nContent-Disposition form-data\r\n\r\nx\r\n--B--", .malformed),
        ("folded header", "--B\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nx\r\n--B--", .malformed),
        ("no disposition", "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--", .malformed),
        ("no headers", "--B\r\n\r\nx\r\n--B--", .malformed),
        ("not form-data", "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--", .malformed),
        ("no name", "--B\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--B--", .malformed),
        ("bare LF in headers", "--B\r\nContent-Disposition: form-data; name=\"a\"\nX: y\r\n\r\nx\r\n--B--", .malformed),
        ("invalid UTF-8 field", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\u{FF}\r\n--B--", .malformed),
        ("NUL in field", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\u{0}y\r\n--B--", .malformed),
    ]

    @Test(arguments: malformedBodies)
    func refusesMalformedBodiesWith400(label: String, text: String, kind: FormError.Kind) throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        // \u{FF} stands for a lone 0xFF byte, which no Swift string literal can hold.
        let body = Array(text.utf8).flatMap { $0 == 0xC3 ? [] as [UInt8] : $0 == 0xBF ? [0xFF] : [$0] }
        for chunk in [1, body.count] {
            let error = try #require(throws: FormError.self, "\(label)") {
                let parser = try MultipartParser(boundary: "B", uploadDirectory: directory.path)
                var offset = 0
                while offset < body.count {
                    try parser.feed(body[offset..<min(body.count, offset + chunk)])
                    offset += chunk
                }
                _ = try parser.finish()
            }
            #expect(error.kind == kind, "\(label)")
            #expect(error.statusCode == 400, "\(label)")
            #expect(error.message.hasPrefix("Formulir tidak valid: "), "\(label)")
        }
        #expect(try directory.contents().isEmpty)
    }

    @Test func capsWith413AndRemovesCreatedFiles() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let file = MultipartFixture.Part.file("f", filename: "a.bin", content: Array(repeating: 7, count: 100))
        let cases: [(String, FormLimits, [MultipartFixture.Part], FormError.Kind)] = [
            ("parts", FormLimits(maxFields: 2), [file, .field("a", "1"), .field("b", "2")], .tooManyFields),
            ("field", FormLimits(maxFieldBytes: 4), [file, .field("a", "12345")], .fieldTooLarge),
            ("file", FormLimits(maxFileBytes: 99), [.field("a", "1"), file], .fieldTooLarge),
            ("total", FormLimits(maxTotalBytes: 300), [file, file, .field("a", "1")], .bodyTooLarge),
            ("header", FormLimits(maxPartHeaderBytes: 60), [file, MultipartFixture.Part(
                headers: ["Content-Disposition: form-data; name=\"" + String(repeating: "n", count: 60) + "\""], content: [])],
             .fieldTooLarge),
        ]
        for (label, limits, parts, kind) in cases {
            let body = MultipartFixture.body(boundary: Self.boundary, parts: parts)
            for chunk in [1, 16, body.count] {
                let error = try #require(throws: FormError.self, "\(label)") {
                    _ = try parse(body, chunk: chunk, limits: limits, directory: directory)
                }
                #expect(error.kind == kind, "\(label)")
                #expect(error.statusCode == 413, "\(label)")
                #expect(try directory.contents().isEmpty, "\(label) left files behind")
            }
        }
    }

    @Test func headerCapHoldsWithoutABlankLine() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let parser = try MultipartParser(boundary: "B", limits: FormLimits(maxPartHeaderBytes: 100), uploadDirectory: directory.path)
        try parser.feed(Array("--B\r\n".utf8))
        let error = try #require(throws: FormError.self) {
            for _ in 0..<200 { try parser.feed(Array("X".utf8)) }
        }
        #expect(error.statusCode == 413)
        // Once failed, the parser keeps failing the same way.
        #expect(throws: error) { try parser.feed([1]) }
        #expect(throws: error) { try parser.finish() }
    }

    @Test func cancelAndDroppingRemoveFiles() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let body = MultipartFixture.body(boundary: Self.boundary, parts: [
            .file("a", filename: "a.bin", content: [1, 2, 3]), .file("b", filename: "b.bin", content: [4, 5, 6]),
        ], close: false)
        let parser = try MultipartParser(boundary: Self.boundary, uploadDirectory: directory.path)
        try parser.feed(body)
        #expect(try directory.contents().count == 2)
        parser.cancel()
        #expect(try directory.contents().isEmpty)
        #expect(throws: FormError.self) { try parser.finish() }

        do {
            let dropped = try MultipartParser(boundary: Self.boundary, uploadDirectory: directory.path)
            try dropped.feed(body)
            #expect(try directory.contents().count == 2)
        }
        #expect(try directory.contents().isEmpty)
    }

    @Test func finishedFilesBelongToTheCaller() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let body = MultipartFixture.body(boundary: Self.boundary, parts: [.file("a", filename: "a.bin", content: [1])])
        var form: FormData?
        do {
            let parser = try MultipartParser(boundary: Self.boundary, uploadDirectory: directory.path)
            try parser.feed(body)
            form = try parser.finish()
        }
        #expect(try directory.contents().count == 1)
        form?.removeFiles()
        #expect(try directory.contents().isEmpty)
    }

    @Test func unwritableDirectoryGives500() throws {
        let body = MultipartFixture.body(boundary: Self.boundary, parts: [.file("a", filename: "a.bin", content: [1])])
        let error = try #require(throws: FormError.self) {
            try MultipartParser.parse(body, boundary: Self.boundary, uploadDirectory: "/nonexistent-\(UUID().uuidString)")
        }
        #expect(error.statusCode == 500)
    }
}
