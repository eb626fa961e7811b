import Foundation
import Testing
@testable import HTTPServer

/// Routes of the long-running and heavy lanes run on their own pools at a lower CPU priority; with no such pool they
/// share the standard one. Each handler reports the nice value of the thread it ran on.
@Suite(.serialized) struct WorkerLaneTests {
    static func router() -> Router {
        var router = Router()
        router.get("/halaman") { _ in .text(Self.threadReport()) }
        router.post("/masuk", lane: .longRunning) { _ in .text(Self.threadReport()) }
        router.get("/data/usulan.csv", lane: .heavy) { _ in .text(Self.threadReport()) }
        return router
    }

    /// The nice value of the thread that runs the handler (on Linux a thread's own).
    static func threadReport() -> String {
        String(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
    }

    @Test func theRouterPlansTheLaneOfEachRoute() {
        let router = Self.router()
        #expect(router.dispatchPlan(method: .post, rawPath: "/masuk").lane == .longRunning)
        #expect(router.dispatchPlan(method: .get, rawPath: "/data/usulan.csv").lane == .heavy)
        #expect(router.dispatchPlan(method: .get, rawPath: "/halaman").lane == .standard)
        #expect(router.dispatchPlan(method: .get, rawPath: "/tidak-ada").lane == .standard)
    }

    /// Every pool starts from the nice value of the thread that made the server (the test runner's may not be 0) and
    /// raises it by its own increment: pages 2 below the I/O threads, sign-ins 7 and heavy work 4 below them.
    @Test func eachPoolRunsAtItsOwnLowerPriority() throws {
        let base = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        try withServer(Self.router(), configure: { configuration in
            configuration.workerNice = 2
            configuration.longRunningThreads = 2
            configuration.longRunningNice = 7
            configuration.heavyThreads = 1
            configuration.heavyNice = 4
        }) { server in
            let client = try TestClient(port: server.port)
            #expect(try Self.answer(client, "GET /halaman") == "\(min(19, base + 2))")
            #expect(try Self.answer(client, "POST /masuk") == "\(min(19, base + 7))")
            #expect(try Self.answer(client, "GET /data/usulan.csv") == "\(min(19, base + 4))")
        }
    }

    @Test func withoutTheirOwnPoolsEveryRouteSharesTheStandardOne() throws {
        try withServer(Self.router()) { server in
            let client = try TestClient(port: server.port)
            let standard = try Self.answer(client, "GET /halaman")
            #expect(try Self.answer(client, "POST /masuk") == standard)
            #expect(try Self.answer(client, "GET /data/usulan.csv") == standard)
        }
    }

    /// A form whose body reaches `heavyBodyBytes` (photos) runs on the heavy pool, whether its length is declared or it
    /// comes chunked; a smaller one stays on the pages' pool.
    @Test func aLargeBodyRunsOnTheHeavyPool() throws {
        let base = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        var router = Router()
        router.post("/usulan/baru", bodyLimit: 1 << 20) { request in .text("\(Self.threadReport()) \(request.body.length)") }
        try withServer(router, configure: { configuration in
            configuration.workerNice = 2
            configuration.heavyThreads = 1
            configuration.heavyNice = 4
            configuration.heavyBodyBytes = 1_000
        }) { server in
            let client = try TestClient(port: server.port)
            let head = "POST /usulan/baru HTTP/1.1\r\nHost: a\r\nContent-Type: application/octet-stream\r\n"
            try client.send(head + "Content-Length: 999\r\n\r\n" + String(repeating: "x", count: 999))
            #expect(try client.readResponse().text == "\(min(19, base + 2)) 999")
            try client.send(head + "Content-Length: 1000\r\n\r\n" + String(repeating: "x", count: 1_000))
            #expect(try client.readResponse().text == "\(min(19, base + 4)) 1000")
            let chunk = String(repeating: "y", count: 600)
            try client.send(head + "Transfer-Encoding: chunked\r\n\r\n258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n")
            #expect(try client.readResponse().text == "\(min(19, base + 4)) 1200")
        }
    }

    /// The body of the answer to `requestLine` (no body sent).
    static func answer(_ client: TestClient, _ requestLine: String) throws -> String {
        try client.send("\(requestLine) HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
        return try client.readResponse().text
    }

    /// With one page thread and one heavy thread, a heavy request that holds its thread (an export waiting for a slow
    /// client) leaves the page thread free: the page answers while the export still waits. Sharing one pool, the page
    /// would wait behind the export and the client's read would time out.
    @Test func aHeavyRequestHoldingItsThreadLeavesThePagesTheirs() throws {
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        var router = Router()
        router.get("/halaman") { _ in .text("halaman") }
        router.get("/ekspor", lane: .heavy) { _ in
            started.signal()
            _ = release.wait(timeout: .now() + 20)
            return .text("ekspor")
        }
        try withServer(router, configure: { configuration in
            configuration.workerThreads = 1
            configuration.heavyThreads = 1
        }) { server in
            let exporter = try TestClient(port: server.port)
            try exporter.send("GET /ekspor HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(started.wait(timeout: .now() + 10) == .success)
            let visitor = try TestClient(port: server.port, timeout: 5)
            try visitor.send("GET /halaman HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try visitor.readResponse().text == "halaman")
            release.signal()
            #expect(try exporter.readResponse().text == "ekspor")
        }
    }
}
