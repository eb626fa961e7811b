import Testing
@testable import HTTPServer

@Suite struct MediaTypeTests {
    @Test func parsesTypeSubtypeCaseInsensitively() throws {
        let type = try #require(MediaType("Text/HTML; Charset=UTF-8"))
        #expect(type.type == "text")
        #expect(type.subtype == "html")
        #expect(type.essence == "text/html")
        #expect(type.charset == "utf-8")
        #expect(type.parameter("CHARSET") == "UTF-8")
        #expect(type.matches("TEXT/html"))
    }

    @Test func parsesBoundaryKeepingCase() throws {
        let type = try #require(MediaType("multipart/form-data; boundary=----WebKitFormBoundaryAbC123"))
        #expect(type.boundary == "----WebKitFormBoundaryAbC123")
    }

    @Test func parsesQuotedStringsWithEscapes() throws {
        let type = try #require(MediaType(#"multipart/form-data ; boundary="a; b\"c\\d" ; charset = x; x=1"#))
        #expect(type.boundary == #"a; b"c\d"#)
        // `charset = x` has whitespace around `=`, which the grammar forbids: skipped, the rest kept.
        #expect(type.charset == nil)
        #expect(type.parameter("x") == "1")
    }

    @Test func firstRepeatedParameterWins() throws {
        let type = try #require(MediaType("text/plain; charset=utf-8; charset=latin1"))
        #expect(type.charset == "utf-8")
    }

    @Test func skipsMalformedParameters() throws {
        let type = try #require(MediaType(#"text/plain; =x; novalue; a="unterminated; b=2"#))
        #expect(type.parameter("a") == nil)
        #expect(type.parameters.map(\.name) == [])
        let other = try #require(MediaType(#"text/plain; ;; a=1; b="x"junk; c=3"#))
        #expect(other.parameters.map(\.name) == ["a", "c"])
    }

    @Test(arguments: ["", "text", "text/", "/html", "te xt/html", "text/html junk", "text/ht(ml", "text/html/x"])
    func refusesBadTypes(text: String) {
        #expect(MediaType(text) == nil)
    }

    @Test func rendersWithQuotingWhenNeeded() throws {
        let type = MediaType(type: "Multipart", subtype: "Form-Data", parameters: [("boundary", "a b\"c")])
        #expect(type.description == #"multipart/form-data; boundary="a b\"c""#)
        #expect(MediaType(type.description) == type)
        #expect(MediaType(type: "text", subtype: "plain", parameters: [("charset", "utf-8")]).description == "text/plain; charset=utf-8")
    }
}
