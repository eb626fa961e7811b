import Testing
@testable import HTTPServer

@Suite struct PercentDecodingTests {
    @Test(arguments: [
        ("a%20b", false, "a b"), ("a+b", true, "a b"), ("a+b", false, "a+b"),
        ("%E2%82%AC", false, "€"), ("plain", false, "plain"), ("%2F", false, "/"),
    ])
    func decodes(input: String, plus: Bool, expected: String) throws {
        #expect(try PercentDecoding.decode(input, plusAsSpace: plus) == expected)
    }

    @Test(arguments: [
        ("%", PercentDecoding.Failure.malformedEscape), ("%4", .malformedEscape), ("%zz", .malformedEscape),
        ("%00", .nulByte), ("%C3%28", .invalidUTF8), ("%FF", .invalidUTF8),
    ])
    func refuses(input: String, failure: PercentDecoding.Failure) {
        #expect(throws: failure) { try PercentDecoding.decode(input) }
    }

    @Test func encodeRoundTrips() throws {
        let text = "Jl. Merdeka No.5 / RT 01 & RW 02 ?€"
        #expect(try PercentDecoding.decode(PercentDecoding.encode(text)) == text)
        #expect(PercentDecoding.encode("a b/c") == "a%20b%2Fc")
    }
}
