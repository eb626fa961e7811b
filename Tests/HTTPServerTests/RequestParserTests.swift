import Testing
@testable import HTTPServer

@Suite struct RequestParserTests {
    @Test(arguments: [false, true])
    func simpleGet(byteByByte: Bool) throws {
        let events = try parse("GET /usulan/12?tahun=2027&q=jalan+rusak HTTP/1.1\r\nHost: example.id\r\nAccept: */*\r\n\r\n",
                               byteByByte: byteByByte)
        let head = try #require(events.heads.first)
        #expect(head.method == .get)
        #expect(head.target == "/usulan/12?tahun=2027&q=jalan+rusak")
        #expect(head.version == .http1_1)
        #expect(head.headers["host"] == "example.id")
        #expect(head.framing == .none)
        #expect(head.keepAlive)
        #expect(events.count == 1)
    }

    @Test func fieldValueWhitespaceIsTrimmed() throws {
        let head = try #require(try parse("GET / HTTP/1.1\r\nHost: a\r\nX-A: \t padded value \t\r\nX-B:\r\n\r\n").heads.first)
        #expect(head.headers["X-A"] == "padded value")
        #expect(head.headers["X-B"] == "")
    }

    @Test(arguments: [false, true])
    func fixedLengthBody(byteByByte: Bool) throws {
        let events = try parse("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 011\r\n\r\nhello world", byteByByte: byteByByte)
        #expect(events.heads.first?.framing == .length(11))
        #expect(events.bodyText == "hello world")
    }

    @Test(arguments: [false, true])
    func chunkedBodyWithExtensionsAndTrailers(byteByByte: Bool) throws {
        let raw = "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6 ; ext\r\n world\r\nA\r\n0123456789\r\n0\r\nX-Trailer: dropped\r\n\r\n"
        let events = try parse(raw, byteByByte: byteByByte)
        #expect(events.heads.first?.framing == .chunked)
        #expect(events.bodyText == "hello world0123456789")
        guard case .end = events.last else { Issue.record("no end event"); return }
    }

    @Test func pipelinedRequestsComeOutInOrder() throws {
        let raw = "GET /a HTTP/1.1\r\nHost: a\r\n\r\nPOST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyz"
            + "GET /c HTTP/1.1\r\nHost: a\r\n\r\n"
        let events = try parse(raw)
        #expect(events.heads.map(\.target) == ["/a", "/b", "/c"])
        #expect(events.bodyText == "xyz")
    }

    @Test func leadingEmptyLinesAreTolerated() throws {
        #expect(try parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n").heads.count == 1)
    }

    @Test func connectionSemantics() throws {
        #expect(try parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").heads[0].keepAlive == false)
        #expect(try parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, CLOSE\r\n\r\n").heads[0].keepAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\n\r\n").heads[0].keepAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").heads[0].keepAlive == true)
        #expect(try parse("GET / HTTP/1.0\r\n\r\n").heads[0].version == .http1_0)
    }

    @Test func expectContinue() throws {
        let head = try parse("PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 4\r\n\r\n").heads[0]
        #expect(head.expectsContinue)
        let noBody = try parse("GET /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n").heads[0]
        #expect(!noBody.expectsContinue)
        let oldClient = try parse("PUT /x HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n").heads[0]
        #expect(!oldClient.expectsContinue)
        #expect(refusal("PUT /x HTTP/1.1\r\nHost: a\r\nExpect: something-else\r\nContent-Length: 4\r\n\r\n") == 417)
    }

    @Test func absoluteFormAndAsterisk() throws {
        let request = try HTTPRequest(method: .get, target: "http://example.id/a%20b?x=1")
        #expect(request.path == "/a b")
        #expect(request.query.map(\.value) == ["1"])
        #expect(try parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").heads[0].target == "*")
        #expect(refusal("GET * HTTP/1.1\r\nHost: a\r\n\r\n") == 400)
    }

    @Test func queryParsing() throws {
        let request = try HTTPRequest(method: .get, target: "/cari?q=jalan+rusak&kel=Sukamaju%20Baru&kosong=&flag&q=2")
        #expect(request.query.map(\.name) == ["q", "kel", "kosong", "flag", "q"])
        #expect(request.query.map(\.value) == ["jalan rusak", "Sukamaju Baru", "", "", "2"])
        #expect(request.queryValue("q") == "jalan rusak")
        #expect(throws: HTTPError(.badRequest)) { try HTTPRequest(method: .get, target: "/x?a=%zz") }
        #expect(throws: HTTPError(.badRequest)) { try HTTPRequest(method: .get, target: "/x%00y") }
    }

    @Test func limitsAtTheBoundary() throws {
        var limits = ParserLimits()
        limits.maxRequestLineBytes = 64
        let exact = "GET /" + String(repeating: "a", count: 64 - 14) + " HTTP/1.1"
        #expect(exact.utf8.count == 64)
        #expect(refusal(exact + "\r\nHost: a\r\n\r\n", limits: limits) == nil)
        #expect(refusal("GET /" + String(repeating: "a", count: 51) + " HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits) == 414)
        // Refused before the line ends: an endless request line is never buffered.
        #expect(refusal("GET /" + String(repeating: "a", count: 100), limits: limits) == 414)
        #expect(refusal("GET /" + String(repeating: "a", count: 100), limits: limits, byteByByte: true) == 414)
    }

    @Test func defaultLimits() {
        let longTarget = "GET /" + String(repeating: "x", count: 8 * 1024) + " HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(refusal(longTarget) == 414)
        let bigHeader = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "v", count: 16 * 1024) + "\r\n\r\n"
        #expect(refusal(bigHeader) == 431)
        let many = (0..<101).map { "X-\($0): v\r\n" }.joined()
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\n" + many + "\r\n") == 431)
        let hundred = (0..<99).map { "X-\($0): v\r\n" }.joined()
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\n" + hundred + "\r\n") == nil)
        // A header block that never ends is refused once it passes the limit, not buffered forever.
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-Y: z\r\n", count: 3000)) == 431)
    }

    @Test func parserStaysFailed() {
        var parser = RequestParser()
        parser.feed(Array("GET / HTTP/1.1\r\nHost : a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPError(.badRequest)) { _ = try parser.next() }
        #expect(throws: HTTPError(.badRequest)) { _ = try parser.next() }
    }

    @Test func largeChunkSizeWithinBoundsIsAccepted() throws {
        // 15 hex digits is the most accepted; the body limit (not the parser) refuses it later.
        let events = try parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n00000000000000F\r\n")
        #expect(events.heads.count == 1)
    }
}
