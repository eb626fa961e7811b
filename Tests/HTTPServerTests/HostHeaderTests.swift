import Testing
@testable import HTTPServer

/// The `Host` rule (RFC 9110 section 7.2, RFC 9112 section 3.2, RFC 3986 section 3.2.2-3): which values are a
/// valid authority, what is parsed from them, and that the parser refuses the rest with 400.
@Suite struct HostHeaderTests {
    struct Valid: CustomTestStringConvertible, Sendable {
        let value: String
        let name: String
        let port: Int?
        let kind: HostHeader.Kind
        var testDescription: String { value.debugDescription }
    }

    static let valid: [Valid] = [
        Valid(value: "localhost", name: "localhost", port: nil, kind: .regName),
        Valid(value: "localhost:0", name: "localhost", port: 0, kind: .regName),
        Valid(value: "example.com", name: "example.com", port: nil, kind: .regName),
        Valid(value: "Example.COM:8080", name: "Example.COM", port: 8080, kind: .regName),
        Valid(value: "example.com:", name: "example.com", port: nil, kind: .regName),  // empty port: no port
        Valid(value: "musrenbang.tangerangselatankota.go.id:443", name: "musrenbang.tangerangselatankota.go.id", port: 443, kind: .regName),
        Valid(value: "127.0.0.1", name: "127.0.0.1", port: nil, kind: .ipv4),
        Valid(value: "127.0.0.1:8080", name: "127.0.0.1", port: 8080, kind: .ipv4),
        Valid(value: "255.255.255.255:65535", name: "255.255.255.255", port: 65535, kind: .ipv4),
        Valid(value: "0.0.0.0:1", name: "0.0.0.0", port: 1, kind: .ipv4),
        Valid(value: "10.20.30.40", name: "10.20.30.40", port: nil, kind: .ipv4),
        Valid(value: "01.2.3.4", name: "01.2.3.4", port: nil, kind: .regName),  // leading zero: not IPv4
        Valid(value: "1.2.3.4.5", name: "1.2.3.4.5", port: nil, kind: .regName),
        Valid(value: "1.2.3", name: "1.2.3", port: nil, kind: .regName),
        Valid(value: "256.1.1.1", name: "256.1.1.1", port: nil, kind: .regName),  // not IPv4, but a valid reg-name
        Valid(value: "[::1]", name: "[::1]", port: nil, kind: .ipLiteral),
        Valid(value: "[::1]:8080", name: "[::1]", port: 8080, kind: .ipLiteral),
        Valid(value: "[::1]:", name: "[::1]", port: nil, kind: .ipLiteral),
        Valid(value: "[::]", name: "[::]", port: nil, kind: .ipLiteral),
        Valid(value: "[2001:db8::7]:80", name: "[2001:db8::7]", port: 80, kind: .ipLiteral),
        Valid(value: "[2001:0db8:0000:0000:0000:ff00:0042:8329]", name: "[2001:0db8:0000:0000:0000:ff00:0042:8329]", port: nil, kind: .ipLiteral),
        Valid(value: "[fe80::]", name: "[fe80::]", port: nil, kind: .ipLiteral),
        Valid(value: "[::ffff:192.0.2.1]:1", name: "[::ffff:192.0.2.1]", port: 1, kind: .ipLiteral),
        Valid(value: "[v1.fe80::a+en1]", name: "[v1.fe80::a+en1]", port: nil, kind: .ipLiteral),
        Valid(value: "xn--bcher-kva.example", name: "xn--bcher-kva.example", port: nil, kind: .regName),
        Valid(value: "b%C3%BCcher.example", name: "b%C3%BCcher.example", port: nil, kind: .regName),
        Valid(value: "a_b~c-d!$&'()*+,;=", name: "a_b~c-d!$&'()*+,;=", port: nil, kind: .regName),
        Valid(value: "a:0080", name: "a", port: 80, kind: .regName),
        Valid(value: "", name: "", port: nil, kind: .regName),  // RFC 9112 section 3.2: no authority in the target
        Valid(value: String(repeating: "a", count: 255), name: String(repeating: "a", count: 255), port: nil, kind: .regName),
    ]

    static let invalid: [String] = [
        "a b", " a:80x", "a\tb", "x@y", "user:pass@host", "[::1", "::1", "[::1]x", "host:80:80", "host/evil",
        "host?x", "host#x", "host\\x", "%zz", "a%2", "a%", "host:-1", "host:65536", "host:99999999999999999999",
        "host:8o", "host: 80", "[]", "[:::]", "[1::2::3]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7]", "[12345::]",
        "[::1%25eth0]", "[v.x]", "[v1.]", "[vz.x]", "[1.2.3.4]", "[::1.2.3]", "[::1.2.3.04]", "[::256.1.1.1]", "[1.2.3.4::]", "a]", "h\u{E9}te", "\"host\"", "<host>",
        String(repeating: "a", count: 256), String(repeating: "a", count: 256) + ":80",
    ]

    @Test(arguments: valid)
    func validValueIsParsed(_ expected: Valid) {
        let parsed = HostHeader.parse(expected.value)
        #expect(parsed == HostHeader(name: expected.name, port: expected.port, kind: expected.kind))
    }

    @Test(arguments: invalid)
    func invalidValueIsRefused(_ value: String) {
        #expect(HostHeader.parse(value) == nil)
    }

    @Test(arguments: invalid.filter { !$0.contains("\t") && !$0.hasPrefix(" ") })
    func parserRefusesAnInvalidHostWith400(_ value: String) {
        #expect(refusal("GET / HTTP/1.1\r\nHost: \(value)\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.0\r\nHost: \(value)\r\n\r\n") == 400)
    }

    @Test(arguments: valid)
    func parserAcceptsAValidHostAndKeepsIt(_ expected: Valid) throws {
        let head = try #require(try parse("GET / HTTP/1.1\r\nHost: \(expected.value)\r\n\r\n").heads.first)
        #expect(head.host == HostHeader(name: expected.name, port: expected.port, kind: expected.kind))
    }

    @Test func exactlyOneHostInHTTP11AtMostOneIn10() throws {
        #expect(refusal("GET / HTTP/1.1\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\nHOST: b\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n") == 400)
        let old = try #require(try parse("GET / HTTP/1.0\r\n\r\n").heads.first)
        #expect(old.host == nil)
        let trimmed = try #require(try parse("GET / HTTP/1.1\r\nHost:   a:81 \t\r\n\r\n").heads.first)
        #expect(trimmed.host == HostHeader(name: "a", port: 81, kind: .regName))
    }

    @Test func absoluteFormTargetNamesTheHost() throws {
        let head = try #require(try parse("GET http://example.id:8080/a?b=1 HTTP/1.1\r\nHost: other\r\n\r\n").heads.first)
        #expect(head.host == HostHeader(name: "example.id", port: 8080, kind: .regName))
        #expect(refusal("GET http://user@example.id/ HTTP/1.1\r\nHost: example.id\r\n\r\n") == 400)
        #expect(refusal("GET http://example.id/ HTTP/1.1\r\nHost: x@y\r\n\r\n") == 400)
        #expect(refusal("GET http://example.id/ HTTP/1.1\r\n\r\n") == 400)  // Host is still required
        let request = try HTTPRequest(method: .get, target: "http://[::1]:9/x")
        #expect(request.host == HostHeader(name: "[::1]", port: 9, kind: .ipLiteral))
    }

    @Test func handlersSeeTheHostOverARealSocket() throws {
        var router = Router()
        router.get("/host") { request in
            .text("\(request.host?.name ?? "-") \(request.host?.port.map(String.init) ?? "-")")
        }
        try withServer(router) { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /host HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n")
            #expect(try client.readResponse().text == "[::1] 8080")
            try client.send("GET /host HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect(try client.readResponse().text == "localhost -")

            // Refused before routing: a path with no route gets 400 too, and the connection is closed.
            for request in ["GET /nowhere HTTP/1.1\r\nHost: x@y\r\n\r\n", "GET /host HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                            "GET /host HTTP/1.1\r\n\r\n", "GET /host HTTP/1.1\r\nHost: host:80:80\r\n\r\n"] {
                let refused = try TestClient(port: server.port)
                try refused.send(request)
                #expect(try refused.readResponse().status == 400, "\(request.debugDescription)")
                #expect(try refused.closedByServer(), "\(request.debugDescription)")
            }

            // HTTP/1.0 may omit Host.
            let old = try TestClient(port: server.port)
            try old.send("GET /host HTTP/1.0\r\n\r\n")
            #expect(try old.readResponse().text == "- -")
        }
    }
}
