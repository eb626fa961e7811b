import Foundation
import Glibc
import Testing
@testable import HTTPServer

@Suite(.serialized) struct StaticFilesTests {
    /// A temporary site: public/index.html, public/css/site.css, public/.secret, a link escaping the
    /// folder, and a secret file next to the folder.
    final class Site {
        let base: String
        let root: String
        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)").path
            root = base + "/public"
            let manager = FileManager.default
            try manager.createDirectory(atPath: root + "/css", withIntermediateDirectories: true)
            try "<h1>e-Musrenbang</h1>".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
            try "body{}".write(toFile: root + "/css/site.css", atomically: true, encoding: .utf8)
            try "rahasia".write(toFile: root + "/.secret", atomically: true, encoding: .utf8)
            try "rahasia".write(toFile: base + "/secret.txt", atomically: true, encoding: .utf8)
            try manager.createSymbolicLink(atPath: root + "/escape.txt", withDestinationPath: base + "/secret.txt")
            try manager.createSymbolicLink(atPath: root + "/inside.css", withDestinationPath: root + "/css/site.css")
        }
        deinit { try? FileManager.default.removeItem(atPath: base) }
    }

    func serve(_ files: StaticFiles, _ target: String, headers: HTTPHeaders = [:], method: HTTPMethod = .get) throws -> HTTPResponse {
        var router = Router()
        router.get("/*path", files.handler())
        return try router.respond(to: HTTPRequest(method: method, target: target, headers: headers))
    }

    @Test func servesFilesWithTypesAndValidators() throws {
        let site = try Site()
        let files = try StaticFiles(root: site.root)
        let css = try serve(files, "/css/site.css")
        #expect(css.status == .ok)
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(css.headers["ETag"] != nil)
        #expect(css.headers["Last-Modified"] != nil)
        #expect(css.headers["Cache-Control"] == "public, max-age=300")
        guard case .file(let path) = css.body else { Issue.record("expected a file body"); return }
        #expect(path.hasSuffix("/css/site.css"))
        let index = try serve(files, "/")
        #expect(index.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(try serve(files, "/inside.css").status == .ok)
    }

    @Test func conditionalRequestsGet304() throws {
        let site = try Site()
        let files = try StaticFiles(root: site.root)
        let first = try serve(files, "/css/site.css")
        let etag = try #require(first.headers["ETag"])
        #expect(try serve(files, "/css/site.css", headers: ["If-None-Match": etag]).status == .notModified)
        #expect(try serve(files, "/css/site.css", headers: ["If-None-Match": "\"other\", W/\(etag)"]).status == .notModified)
        #expect(try serve(files, "/css/site.css", headers: ["If-None-Match": "\"other\""]).status == .ok)
        let lastModified = try #require(first.headers["Last-Modified"])
        #expect(try serve(files, "/css/site.css", headers: ["If-Modified-Since": lastModified]).status == .notModified)
        #expect(try serve(files, "/css/site.css", headers: ["If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"]).status == .ok)
    }

    @Test(arguments: [
        "/../secret.txt", "/css/../../secret.txt", "/%2e%2e/secret.txt", "/css/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt", "/css%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/.secret", "/escape.txt",
        "/css/%2e%2e", "/tidak-ada.txt", "/css",
    ])
    func traversalAndHiddenFilesAreRefused(target: String) throws {
        let site = try Site()
        let files = try StaticFiles(root: site.root)
        let status: HTTPStatus
        do {
            status = try serve(files, target).status
        } catch let error as HTTPError {
            status = error.status
        }
        #expect(status == .notFound)
    }

    @Test func overTheWireWith304AndHead() throws {
        let site = try Site()
        var router = Router()
        router.get("/*path", try StaticFiles(root: site.root).handler())
        try withServer(router) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /css/site.css HTTP/1.1\r\nHost: a\r\n\r\n")
            let full = try client.readResponse()
            #expect(full.status == 200)
            #expect(full.text == "body{}")
            let etag = try #require(full["ETag"])
            try client.send("GET /css/site.css HTTP/1.1\r\nHost: a\r\nIf-None-Match: \(etag)\r\n\r\n")
            let cached = try client.readResponse()
            #expect(cached.status == 304)
            #expect(cached["ETag"] == etag)
            try client.send("HEAD /index.html HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(head: true)
            #expect(head["Content-Length"] == "21")
            try client.send("GET /..%2f..%2fsecret.txt HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 404)
            try client.send("GET /../secret.txt HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 404)
            try client.send("GET /index.html HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "<h1>e-Musrenbang</h1>")
        }
    }
}
