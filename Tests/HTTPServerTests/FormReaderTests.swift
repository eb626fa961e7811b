import Foundation
import Testing
@testable import HTTPServer

@Suite struct FormReaderTests {
    @Test func readsURLEncodedBodies() throws {
        let body = Array("a=1&b=dua+tiga".utf8)
        let form = try FormReader.read(contentType: "application/x-www-form-urlencoded; charset=UTF-8", body: body)
        #expect(form.fields.map(\.value) == ["1", "dua tiga"])

        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let spooled = try directory.write(body)
        #expect(try FormReader.read(contentType: "Application/X-WWW-Form-Urlencoded", bodyFile: spooled)["b"] == "dua tiga")
        let tooBig = try #require(throws: FormError.self) {
            try FormReader.read(contentType: "application/x-www-form-urlencoded", bodyFile: spooled, limits: FormLimits(maxTotalBytes: 5))
        }
        #expect(tooBig.statusCode == 413)
    }

    @Test func readsMultipartBodiesFromMemoryAndFile() throws {
        let directory = try UploadTestDirectory()
        defer { directory.remove() }
        let body = MultipartFixture.body(boundary: "xyz", parts: [
            .field("judul", "Sumur"), .file("lampiran", filename: "a.txt", type: "text/plain", content: Array("isi".utf8)),
        ])
        let contentType = "multipart/form-data; boundary=\"xyz\""
        let spooled = try directory.write(body)
        let uploads = directory.path + "/up"
        try FileManager.default.createDirectory(atPath: uploads, withIntermediateDirectories: false)
        for form in [
            try FormReader.read(contentType: contentType, body: body, uploadDirectory: uploads),
            try FormReader.read(contentType: contentType, bodyFile: spooled, uploadDirectory: uploads),
        ] {
            #expect(form["judul"] == "Sumur")
            let file = try #require(form.file("lampiran"))
            #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "isi")
            #expect(file.path.hasPrefix(uploads + "/"))
            form.removeFiles()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: uploads).isEmpty)
    }

    @Test func emptyBodyWithoutContentTypeIsAnEmptyForm() throws {
        let form = try FormReader.read(contentType: nil, body: [])
        #expect(form.fields.isEmpty && form.files.isEmpty)
    }

    @Test(arguments: [
        (String?.none, 415), ("application/json", 415), ("text/plain", 415), ("not a type", 415),
        ("multipart/form-data", 400), ("multipart/form-data; boundary=\"\"", 400),
    ])
    func refusesOtherBodies(contentType: String?, status: Int) throws {
        let error = try #require(throws: FormError.self) { try FormReader.read(contentType: contentType, body: Array("{}".utf8)) }
        #expect(error.statusCode == status)
        #expect(!error.message.isEmpty)
    }
}
