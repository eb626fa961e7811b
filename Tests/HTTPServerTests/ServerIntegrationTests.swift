import Foundation
import Glibc
import Synchronization
import Testing
@testable import HTTPServer

/// The server over real sockets on 127.0.0.1 with ephemeral ports.
@Suite(.serialized) struct ServerIntegrationTests {
    init() { ResourceLimits.raiseOpenFileLimit() }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            for word in ["satu", "dua", "tiga"] {
                try client.send("GET /echo/\(word) HTTP/1.1\r\nHost: a\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == word)
                #expect(response["Date"] != nil)
                #expect(response["Content-Length"] == String(word.utf8.count))
                #expect(response["Connection"] == nil)
            }
        }
    }

    @Test func ipv6AndDualStackListeners() throws {
        // ::1 serves IPv6 clients.
        try withServer(testRouter(), configure: { $0.host = "::1" }) { server in
            let client = try TestClient(port: server.port, host: "::1")
            try client.send("GET /echo/enam HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "enam")
        }
        // :: accepts both families on one socket (IPv4 arrives as a mapped address).
        try withServer(testRouter(), configure: { $0.host = "::" }) { server in
            for host in ["::1", "127.0.0.1"] {
                let client = try TestClient(port: server.port, host: host)
                try client.send("GET /echo/\(host.count) HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().text == "\(host.count)", "\(host)")
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            // The first request is the slowest; its answer must still come first.
            try client.send("GET /slow/300 HTTP/1.1\r\nHost: a\r\n\r\nGET /echo/b HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET /echo/d HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "slow 300")
            #expect(try client.readResponse().text == "b")
            #expect(try client.readResponse().text == "got 5")
            #expect(try client.readResponse().text == "d")
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        try withServer(testRouter()) { server in
            let plain = try TestClient(port: server.port)
            try plain.send("GET /healthz HTTP/1.0\r\n\r\n")
            let response = try plain.readResponse()
            #expect(response.status == 200)
            #expect(response["Connection"] == "close")
            #expect(try plain.closedByServer())

            let keep = try TestClient(port: server.port)
            try keep.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keep.readResponse()["Connection"] == "keep-alive")
            try keep.send("GET /echo/lagi HTTP/1.0\r\n\r\n")
            #expect(try keep.readResponse().text == "lagi")
            #expect(try keep.closedByServer())
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            let response = try client.readResponse()
            #expect(response["Connection"] == "close")
            #expect(try client.closedByServer())
        }
    }

    @Test func headSendsHeadersButNoBody() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            try client.send("HEAD /echo/kata HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(head: true)
            #expect(head.status == 200)
            #expect(head["Content-Length"] == "4")
            // If a body had been sent, this next response would be misread.
            try client.send("GET /echo/next HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().text == "next")
        }
    }

    @Test func streamedBodiesAreChunkedOn11AndLengthDelimitedOn10() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n")
            let chunked = try client.readResponse()
            #expect(chunked["Transfer-Encoding"] == "chunked")
            #expect(chunked["Content-Length"] == nil)
            #expect(chunked.text == "bagian 1\nbagian 2\nbagian 3\n")
            try client.send("GET /stream HTTP/1.0\r\n\r\n")
            let old = try client.readResponse()
            #expect(old["Content-Length"] == String("bagian 1\nbagian 2\nbagian 3\n".utf8.count))
            #expect(old.text == "bagian 1\nbagian 2\nbagian 3\n")
        }
    }

    @Test func malformedRequestGetsErrorThenClose() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 400)
            #expect(response["Connection"] == "close")
            #expect(try client.closedByServer())

            let version = try TestClient(port: server.port)
            try version.send("GET / HTTP/2.0\r\nHost: a\r\n\r\n")
            #expect(try version.readResponse().status == 505)
        }
    }

    @Test func headerInjectionIsRefused() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /inject HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 500)
            #expect(response["Set-Cookie"] == nil)
            #expect(response["X-Bad"] == nil)
        }
    }

    @Test func handlerErrorsBecomeA500WithoutInternals() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /crash HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 500)
            #expect(!response.text.contains("SecretDatabaseError"))
            #expect(response.text.contains("Terjadi kesalahan"))
            // The connection survives an application error.
            try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func headerTimeoutAnswers408AndCloses() throws {
        try withServer(testRouter(), configure: { $0.headerTimeout = 0.4 }) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n")  // never finished
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(try client.closedByServer())
        }
    }

    @Test func slowlorisCannotExtendTheHeaderDeadline() throws {
        try withServer(testRouter(), configure: { $0.headerTimeout = 0.6 }) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /healthz HTTP/1.1\r\n")
            var timedOut = false
            for _ in 0..<40 {
                usleep(100_000)
                if !client.trySend(Array("X: y\r\n".utf8)) { timedOut = true; break }
                var probe = pollfd(fd: client.fd, events: Int16(POLLIN), revents: 0)
                if poll(&probe, 1, 0) > 0 { timedOut = true; break }
            }
            #expect(timedOut)
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        try withServer(testRouter(), configure: { $0.idleTimeout = 0.3 }) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(try client.closedByServer())
        }
    }

    @Test func bodyProgressTimeout() throws {
        try withServer(testRouter(), configure: { $0.bodyTimeout = 0.4 }) { server in
            let client = try TestClient(port: server.port)
            try client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse().status == 408)
        }
    }

    @Test func oversizedUploadIs413WhileOthersAreServed() throws {
        try withServer(testRouter()) { server in
            // Declared too large: refused from the head alone.
            let declared = try TestClient(port: server.port)
            try declared.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 10485760\r\n\r\n")
            try declared.send([UInt8](repeating: 0x61, count: 4096))
            let refused = try declared.readResponse()
            #expect(refused.status == 413)
            #expect(refused["Connection"] == "close")

            // Chunked, no declared size: refused once the received bytes pass the limit.
            let chunked = try TestClient(port: server.port)
            try chunked.send("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
            for _ in 0..<3 { _ = chunked.trySend(Array("200\r\n".utf8) + [UInt8](repeating: 0x62, count: 512) + Array("\r\n".utf8)) }
            #expect(try chunked.readResponse().status == 413)

            // Meanwhile an ordinary client is served.
            let other = try TestClient(port: server.port)
            try other.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try other.readResponse().text == "ok")

            // Within the limit it works, including 100-continue.
            let fine = try TestClient(port: server.port)
            try fine.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 1024\r\nExpect: 100-continue\r\n\r\n")
            #expect(try fine.readResponse().status == 100)
            try fine.send([UInt8](repeating: 0x63, count: 1024))
            #expect(try fine.readResponse().text == "got 1024")
        }
    }

    @Test func largeBodiesAreSpooledToATemporaryFileThenDeleted() throws {
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: spool) }
        try withServer(testRouter(), configure: { $0.spoolDirectory = spool }) { server in
            let body = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let sum = body.reduce(0) { $0 &+ Int($1) }
            let client = try TestClient(port: server.port)
            try client.send("POST /big HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.count)\r\n\r\n")
            try client.send(body)
            let response = try client.readResponse()
            let parts = response.text.split(separator: " ")
            #expect(parts.count == 4)
            #expect(parts.first.map(String.init) == String(body.count))
            #expect(parts.dropFirst().first.map(String.init) == String(sum))
            #expect(parts.dropFirst(2).first == "file")
            // Chunked and small: in memory.
            try client.send("POST /big HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
            #expect(try client.readResponse().text.hasSuffix("memory"))
            // The spool file is gone once the response is written.
            #expect(try FileManager.default.contentsOfDirectory(atPath: spool).isEmpty)
        }
    }

    @Test func thousandConcurrentConnections() throws {
        try withServer(testRouter()) { server in
            var clients: [TestClient] = []
            for _ in 0..<1000 { clients.append(try TestClient(port: server.port, timeout: 30)) }
            for (index, client) in clients.enumerated() {
                try client.send("GET /echo/\(index) HTTP/1.1\r\nHost: a\r\n\r\n")
            }
            var answered = 0
            for (index, client) in clients.enumerated() {
                let response = try client.readResponse()
                if response.status == 200 && response.text == String(index) { answered += 1 }
            }
            #expect(answered == 1000)
        }
    }

    @Test func overTheConnectionLimitNewClientsGet503() throws {
        try withServer(testRouter(), configure: { $0.maxConnections = 2 }) { server in
            let first = try TestClient(port: server.port)
            let second = try TestClient(port: server.port)
            for client in [first, second] {
                try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try TestClient(port: server.port)
            let refused = try third.readResponse()
            #expect(refused.status == 503)
            #expect(try third.closedByServer())
            // Those already in are still served.
            try first.send("GET /echo/masih HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try first.readResponse().text == "masih")
        }
    }

    @Test func gracefulShutdownFinishesInFlightRequests() throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.ioThreads = 2
        configuration.shutdownTimeout = 5
        let server = try Server(configuration: configuration, responder: testRouter())
        server.start()
        let idle = try TestClient(port: server.port)
        try idle.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try idle.readResponse().status == 200)

        let busy = try TestClient(port: server.port)
        try busy.send("GET /slow/500 HTTP/1.1\r\nHost: a\r\n\r\n")
        usleep(150_000)  // let the request reach its handler
        server.shutdown()
        let response = try busy.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "slow 500")
        #expect(response["Connection"] == "close")
        #expect(try idle.closedByServer())
        server.wait()
        #expect(throws: (any Error).self) { _ = try TestClient(port: server.port) }
    }

    @Test func shutdownDeadlineClosesStuckRequests() throws {
        var router = Router()
        router.get("/stuck") { _ in
            usleep(3_000_000)
            return .text("late")
        }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.shutdownTimeout = 0.3
        let server = try Server(configuration: configuration, responder: router)
        server.start()
        let client = try TestClient(port: server.port)
        try client.send("GET /stuck HTTP/1.1\r\nHost: a\r\n\r\n")
        usleep(100_000)
        let start = Date()
        server.shutdown()
        server.wait()
        #expect(Date().timeIntervalSince(start) < 2.5)
        #expect(try client.closedByServer())
    }

    @Test func streamProducerStopsWhenTheClientLeaves() throws {
        let stopped = DispatchSemaphore(value: 0)
        var router = Router()
        router.get("/forever") { _ in
            HTTPResponse(body: .stream { writer in
                defer { stopped.signal() }
                let piece = [UInt8](repeating: 0x78, count: 64 * 1024)
                for _ in 0..<100_000 { try writer.write(piece) }  // 6 GB unless stopped
            })
        }
        try withServer(router) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /forever HTTP/1.1\r\nHost: a\r\n\r\n")
            var some = [UInt8](repeating: 0, count: 4096)
            #expect(recv(client.fd, &some, some.count, 0) > 0)
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(client.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            shutdown(client.fd, Int32(SHUT_RDWR))
            // Woken when the producer stops; at most 60 s, since under a full parallel test run the server may take
            // seconds to see the reset.
            #expect(stopped.wait(timeout: .now() + 60) == .success)
        }
    }

    @Test func halfClosedClientStillGetsItsResponse() throws {
        try withServer(testRouter()) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /slow/100 HTTP/1.1\r\nHost: a\r\n\r\n")
            shutdown(client.fd, Int32(SHUT_WR))
            #expect(try client.readResponse().text == "slow 100")
        }
    }

    @Test func everyResponseCarriesDateAndContentLength() throws {
        try withServer(testRouter()) { server in
            let cases: [(String, Int)] = [
                ("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n", 200),
                ("GET /tidak-ada HTTP/1.1\r\nHost: a\r\n\r\n", 404),
                ("DELETE /healthz HTTP/1.1\r\nHost: a\r\n\r\n", 405),
                ("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n", 413),
                ("GET / HTTP/1.1\r\n\r\n", 400),
                ("GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505),
                ("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: br, chunked\r\n\r\n", 501),
            ]
            for (raw, status) in cases {
                let client = try TestClient(port: server.port)
                try client.send(raw)
                let response = try client.readResponse()
                #expect(response.status == status, "\(raw.debugDescription)")
                #expect(response["Date"] != nil)
                #expect(response["Content-Length"] == String(response.body.count))
                if status == 405 { #expect(response["Allow"] == "GET, HEAD") }
            }
        }
    }
}
