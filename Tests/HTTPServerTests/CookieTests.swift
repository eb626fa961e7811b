import Foundation
import Testing
@testable import HTTPServer

@Suite struct CookieHeaderTests {
    @Test func parsesPairsInOrder() {
        let pairs = CookieHeader.pairs("sesi=abc123; tema=gelap;bahasa=id")
        #expect(pairs.map(\.name) == ["sesi", "tema", "bahasa"])
        #expect(pairs.map(\.value) == ["abc123", "gelap", "id"])
    }

    @Test func firstOccurrenceWins() {
        #expect(CookieHeader.parse("a=1; a=2; b=3") == ["a": "1", "b": "3"])
        #expect(CookieHeader.parse(["a=1", "a=2; c=4"]) == ["a": "1", "c": "4"])
    }

    @Test func unwrapsQuotedValuesAndKeepsEquals() {
        #expect(CookieHeader.parse(#"q="hello world"; t=a=b=="#) == ["q": "hello world", "t": "a=b=="])
        #expect(CookieHeader.parse("e=") == ["e": ""])
    }

    @Test(arguments: [
        "noequals", "=novalue", "bad name=1", "na\u{1}me=1", "v=a\u{7F}b", "x=\"unbalanced", "x=a\"b",
        "ba(d=1", "", ";;;", "   ", "==", "\u{0}=\u{0}",
    ])
    func skipsMalformedPairs(header: String) {
        #expect(CookieHeader.parse(header + "; ok=1") == ["ok": "1"])
    }

    @Test func survivesGarbage() {
        var generator = FormTestRandom(seed: 42)
        for _ in 0..<500 {
            let length = Int.random(in: 0..<80, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let header = String(decoding: bytes, as: UTF8.self)
            for pair in CookieHeader.pairs(header) {
                #expect(!pair.name.isEmpty)
                #expect(!pair.value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
            }
        }
    }
}

@Suite struct SetCookieTests {
    @Test func rendersSafeDefaults() throws {
        let cookie = try SetCookie(name: "sesi", value: "abc123")
        #expect(cookie.headerValue == "sesi=abc123; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test func rendersEveryAttribute() throws {
        let cookie = try SetCookie(
            name: "sesi", value: "v", path: "/admin", domain: "musrenbang.example.go.id", maxAge: 3600,
            expires: Date(timeIntervalSince1970: 784_111_777), secure: true, httpOnly: true, sameSite: .strict)
        #expect(cookie.headerValue
            == "sesi=v; Path=/admin; Domain=musrenbang.example.go.id; Max-Age=3600; "
            + "Expires=Sun, 06 Nov 1994 08:49:37 GMT; Secure; HttpOnly; SameSite=Strict")
        let none = try SetCookie(name: "x", value: "", path: nil, secure: true, httpOnly: false, sameSite: SameSite.none)
        #expect(none.headerValue == "x=; Secure; SameSite=None")
    }

    @Test func deletionExpiresNow() throws {
        let cookie = try SetCookie.deletion(name: "sesi")
        #expect(cookie.headerValue == "sesi=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax")
    }

    @Test(arguments: [
        (0.0, "Thu, 01 Jan 1970 00:00:00 GMT"), (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_798_761_599, "Thu, 31 Dec 2026 23:59:59 GMT"), (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
        (4_102_444_800, "Fri, 01 Jan 2100 00:00:00 GMT"),
    ])
    func formatsIMFFixdate(seconds: Double, expected: String) throws {
        let cookie = try SetCookie(name: "sesi", value: "x", expires: Date(timeIntervalSince1970: seconds))
        #expect(cookie.headerValue.contains("; Expires=\(expected);"))
    }

    @Test(arguments: ["", "se si", "se;si", "se,si", "se\r\nSet-Cookie: x", "sé", "a=b", "a\u{1}", "(a)", "a\"b"])
    func refusesBadNames(name: String) {
        #expect(throws: CookieError.invalidName(name)) { try SetCookie(name: name, value: "v") }
    }

    @Test(arguments: ["a b", "a;b", "a,b", "a\rb", "a\nb", "a\r\nSet-Cookie: admin=1", "\"q\"", "a\\b", "a\u{7F}", "é", "\t"])
    func refusesBadValues(value: String) {
        #expect(throws: CookieError.invalidValue(value)) { try SetCookie(name: "n", value: value) }
    }

    @Test func refusesInjectionThroughAttributes() {
        #expect(throws: CookieError.invalidPath("/; Domain=evil")) { try SetCookie(name: "n", value: "v", path: "/; Domain=evil") }
        #expect(throws: CookieError.invalidPath("/\r\nX: y")) { try SetCookie(name: "n", value: "v", path: "/\r\nX: y") }
        #expect(throws: CookieError.invalidDomain("evil.com; Secure")) {
            try SetCookie(name: "n", value: "v", domain: "evil.com; Secure")
        }
        #expect(throws: CookieError.invalidDomain("a..b")) { try SetCookie(name: "n", value: "v", domain: "a..b") }
    }

    @Test func enforcesBrowserRules() throws {
        #expect(throws: CookieError.sameSiteNoneRequiresSecure) {
            try SetCookie(name: "n", value: "v", sameSite: SameSite.none)
        }
        #expect(throws: CookieError.prefixRequirementsNotMet("__Host-sesi")) {
            try SetCookie(name: "__Host-sesi", value: "v", domain: "example.com", secure: true)
        }
        #expect(throws: CookieError.prefixRequirementsNotMet("__Secure-sesi")) {
            try SetCookie(name: "__Secure-sesi", value: "v")
        }
        _ = try SetCookie(name: "__Host-sesi", value: "v", secure: true)
    }

    @Test func roundTripsThroughTheCookieHeader() throws {
        let cookie = try SetCookie(name: "sesi", value: "Zm9vYmFy-_.~%2F")
        let sent = String(cookie.headerValue.split(separator: ";")[0])
        #expect(CookieHeader.parse(sent) == ["sesi": "Zm9vYmFy-_.~%2F"])
    }
}

private typealias SameSite = SetCookie.SameSite

/// A small deterministic generator (SplitMix64) so the garbage test is reproducible.
struct FormTestRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
