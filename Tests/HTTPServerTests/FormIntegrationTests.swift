import Foundation
import Testing
@testable import HTTPServer

/// Forms and cookies through the real server: the glue between request bodies and the form parsers.
@Suite(.serialized) struct FormIntegrationTests {
    init() { ResourceLimits.raiseOpenFileLimit() }

    /// Echoes what `request.form()` decoded, and sets a cookie from `request.cookies`.
    func formRouter(uploadDirectory: String) -> Router {
        var router = Router()
        router.use(StandardMiddleware.errorPages(log: { _ in }))
        router.add(.post, "/form", bodyLimit: 4 * 1024 * 1024) { request in
            let form = try request.form(uploadDirectory: uploadDirectory)
            defer { form.removeFiles() }
            var lines = form.fields.map { "\($0.name)=\($0.value)" }
            for file in form.files {
                let contents = try String(contentsOfFile: file.path, encoding: .utf8)
                lines.append("file \(file.fieldName) \(file.originalFilename) \(file.size) \(contents.prefix(12))")
            }
            var response = HTTPResponse.text(lines.joined(separator: "\n"))
            let visits = Int(request.cookies["kunjungan"] ?? "0") ?? 0
            response.setCookie(try SetCookie(name: "kunjungan", value: String(visits + 1)))
            return response
        }
        return router
    }

    func withUploadDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("form-it-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    @Test func urlEncodedFormAndCookiesRoundTrip() throws {
        try withUploadDirectory { directory in
            try withServer(formRouter(uploadDirectory: directory)) { server in
                let client = try TestClient(port: server.port)
                let body = "judul=Perbaikan+jalan+RT%2003&volume=120&catatan=a%26b"
                try client.send("POST /form HTTP/1.1\r\nHost: a\r\nCookie: kunjungan=4; lain=x\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "judul=Perbaikan jalan RT 03\nvolume=120\ncatatan=a&b")
                let setCookie = try #require(response["Set-Cookie"])
                #expect(setCookie.hasPrefix("kunjungan=5"))
                #expect(setCookie.contains("HttpOnly"))
            }
        }
    }

    @Test func multipartUploadLandsInAGeneratedFileAndIsRemoved() throws {
        try withUploadDirectory { directory in
            try withServer(formRouter(uploadDirectory: directory)) { server in
                // Large enough that the server spools the body to a file before the form reads it.
                let photo = String(repeating: "FOTO-LOKASI ", count: 10_000)
                let boundary = "----batas42"
                let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"judul\"\r\n\r\nSumur resapan\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"foto\"; filename=\"../../etc/passwd\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n\(photo)\r\n--\(boundary)--\r\n"
                let client = try TestClient(port: server.port)
                try client.send("POST /form HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "judul=Sumur resapan\nfile foto passwd \(photo.utf8.count) FOTO-LOKASI ")
                // The handler removed its upload; nothing is left under the client's or any other name.
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
            }
        }
    }

    @Test func malformedFormsGetAnIndonesianClientError() throws {
        try withUploadDirectory { directory in
            try withServer(formRouter(uploadDirectory: directory)) { server in
                let cases: [(contentType: String, body: String, status: Int)] = [
                    ("application/x-www-form-urlencoded", "a=%zz", 400),
                    ("multipart/form-data", "--x\r\n", 400),
                    ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", 400),
                    ("application/json", "{}", 415),
                ]
                for item in cases {
                    let client = try TestClient(port: server.port)
                    try client.send("POST /form HTTP/1.1\r\nHost: a\r\nContent-Type: \(item.contentType)\r\n"
                        + "Content-Length: \(item.body.utf8.count)\r\n\r\n\(item.body)")
                    let response = try client.readResponse()
                    #expect(response.status == item.status, "\(item.contentType)")
                    #expect(response.text.contains("Formulir") || response.text.contains("formulir"), "\(response.text)")
                }
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
            }
        }
    }
}
