import Foundation
import Synchronization
import Testing
@testable import HTTPServer

@Suite struct RouterTests {
    func request(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:]) throws -> HTTPRequest {
        try HTTPRequest(method: method, target: target, headers: headers)
    }

    func sampleRouter() -> Router {
        var router = Router()
        router.get("/usulan/:kode") { .text("usulan " + ($0.pathParameters["kode"] ?? "?")) }
        router.get("/usulan/baru") { _ in .text("form baru") }
        router.post("/usulan/:kode") { .text("simpan " + ($0.pathParameters["kode"] ?? "?")) }
        router.add(.post, "/unggah", bodyLimit: 20 * 1024 * 1024) { _ in .text("ok") }
        router.get("/berkas/*path") { .text("berkas " + ($0.pathParameters["path"] ?? "")) }
        router.get("/") { _ in .text("beranda") }
        return router
    }

    func text(_ response: HTTPResponse) -> String {
        if case .bytes(let bytes) = response.body { return String(decoding: bytes, as: UTF8.self) }
        return ""
    }

    @Test func parametersAreDecodedPerSegment() throws {
        let router = sampleRouter()
        #expect(text(try router.respond(to: request(.get, "/usulan/U-2027-001"))) == "usulan U-2027-001")
        #expect(text(try router.respond(to: request(.get, "/usulan/a%20b"))) == "usulan a b")
        // An encoded slash stays inside its segment instead of creating a new one.
        #expect(text(try router.respond(to: request(.get, "/usulan/a%2Fb"))) == "usulan a/b")
        #expect(text(try router.respond(to: request(.post, "/usulan/7"))) == "simpan 7")
    }

    /// Routes are looked up by their first segment; one that begins with a parameter or wildcard is still tried for
    /// every path, in its place, and a percent-encoded first segment still reaches its literal route.
    @Test func theFirstSegmentIndexKeepsEveryRouteReachable() throws {
        var router = sampleRouter()
        router.get("/:wilayah/rekap") { .text("rekap " + ($0.pathParameters["wilayah"] ?? "?")) }
        router.get("/*halaman") { .text("halaman " + ($0.pathParameters["halaman"] ?? "")) }
        #expect(text(try router.respond(to: request(.get, "/usulan/baru"))) == "form baru")
        #expect(text(try router.respond(to: request(.get, "/us%75lan/baru"))) == "form baru")
        #expect(text(try router.respond(to: request(.get, "/usulan/rekap"))) == "usulan rekap")
        #expect(text(try router.respond(to: request(.get, "/ciputat/rekap"))) == "rekap ciputat")
        #expect(text(try router.respond(to: request(.get, "/usulan/a/b"))) == "halaman usulan/a/b")
        #expect(text(try router.respond(to: request(.get, "/"))) == "beranda")
        #expect(router.dispatchPlan(method: .post, rawPath: "/unggah").bodyLimit == 20 * 1024 * 1024)
        #expect(router.dispatchPlan(method: .post, rawPath: "/%75nggah").bodyLimit == 20 * 1024 * 1024)
    }

    @Test func literalsWinOverParametersWhateverTheOrder() throws {
        #expect(text(try sampleRouter().respond(to: request(.get, "/usulan/baru"))) == "form baru")
    }

    @Test func wildcardTakesTheRest() throws {
        let router = sampleRouter()
        #expect(text(try router.respond(to: request(.get, "/berkas/a/b/c.pdf"))) == "berkas a/b/c.pdf")
        #expect(text(try router.respond(to: request(.get, "/"))) == "beranda")
    }

    @Test func unknownPathIs404() throws {
        #expect(throws: HTTPError(.notFound)) { try sampleRouter().respond(to: request(.get, "/tidak/ada")) }
        #expect(throws: HTTPError(.notFound)) { try sampleRouter().respond(to: request(.get, "/usulan/1/2")) }
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let response = try sampleRouter().respond(to: request(.delete, "/usulan/7"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, POST, HEAD")
        let options = try sampleRouter().respond(to: request(.options, "/usulan/7"))
        #expect(options.status == .noContent)
    }

    @Test func headUsesTheGetRoute() throws {
        #expect(text(try sampleRouter().respond(to: request(.head, "/usulan/9"))) == "usulan 9")
    }

    @Test func bodyLimitsPerRoute() {
        let router = sampleRouter()
        #expect(router.bodyLimit(method: .post, rawPath: "/usulan/1") == Router.defaultBodyLimit)
        #expect(router.bodyLimit(method: .post, rawPath: "/unggah") == 20 * 1024 * 1024)
        #expect(router.bodyLimit(method: .post, rawPath: "/tidak-ada") == router.unmatchedBodyLimit)
    }

    @Test func middlewareRunsOutermostFirst() throws {
        var router = Router()
        router.use { next in { request in
            var response = try next(request)
            response.headers.add("X-Order", "outer")
            return response
        } }
        router.use { next in { request in
            var response = try next(request)
            response.headers.add("X-Order", "inner")
            return response
        } }
        router.get("/") { _ in .text("x") }
        #expect(try router.respond(to: request(.get, "/")).headers.values("X-Order") == ["inner", "outer"])
    }

    @Test func securityHeadersAndErrorPages() throws {
        var router = Router()
        let logged = LogCollector()
        router.use(StandardMiddleware.accessLog(logged.append))
        router.use(StandardMiddleware.securityHeaders())
        router.use(StandardMiddleware.errorPages(log: logged.append))
        router.get("/ok") { _ in .text("halo") }
        router.get("/framed") { _ in HTTPResponse(status: .ok, headers: ["X-Frame-Options": "SAMEORIGIN"]) }
        router.get("/boom") { _ in throw CocoaError(.fileReadCorruptFile) }
        router.get("/forbidden") { _ in throw HTTPError(.forbidden, "Anda tidak berhak.") }

        let ok = try router.respond(to: request(.get, "/ok"))
        #expect(ok.headers["X-Content-Type-Options"] == "nosniff")
        #expect(ok.headers["X-Frame-Options"] == "DENY")
        #expect(ok.headers["Referrer-Policy"] != nil)
        #expect(ok.headers["Content-Security-Policy"]?.contains("default-src 'self'") == true)
        #expect(try router.respond(to: request(.get, "/framed")).headers.values("X-Frame-Options") == ["SAMEORIGIN"])

        let boom = try router.respond(to: request(.get, "/boom"))
        #expect(boom.status == .internalServerError)
        #expect(!text(boom).contains("Cocoa"))
        let forbidden = try router.respond(to: request(.get, "/forbidden"))
        #expect(forbidden.status == .forbidden)
        #expect(text(forbidden).contains("Anda tidak berhak."))
        let missing = try router.respond(to: request(.get, "/tidak-ada"))
        #expect(missing.status == .notFound)
        #expect(missing.headers["X-Content-Type-Options"] == "nosniff")

        let lines = logged.lines.filter { !$0.hasPrefix("error") }
        #expect(lines.count == 5)
        let first = lines[0].split(separator: " ")
        #expect(first.count == 6)
        #expect(first[1] == "GET" && first[2] == "/ok" && first[3] == "200" && first[4] == "4")
        #expect(first[5].hasSuffix("us"))
        #expect(lines.contains { $0.contains("/boom 500") })
        #expect(logged.lines.contains { $0.contains("error in GET /boom") })
    }
}

/// Collects log lines from any thread.
final class LogCollector: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    @Sendable func append(_ line: String) { storage.withLock { $0.append(line) } }
}
