import HTTPServer
@testable import Portal
import Testing

/// A value put in a link's query (a return address, a search text) comes back whole through the server's decoding.
@Suite struct QueryEncodingTests {
    @Test func reservedAndNonASCIIBytesArePercentEncodedAndTheRestStays() throws {
        #expect(Portal.queryEncode("/kerja/verifikasi") == "/kerja/verifikasi")
        #expect(Portal.queryEncode("/kerja/verifikasi?status=x&q=jalan rusak") == "/kerja/verifikasi%3Fstatus%3Dx%26q%3Djalan%20rusak")
        #expect(Portal.queryEncode("é+#") == "%C3%A9%2B%23")
        #expect(Portal.queryEncode("") == "")
        for text in ["Jl. Merpati No.5 & gang \"buntu\"", "100%", "a/b~c_d-e.f", "ü ñ 漢字 <script>"] {
            #expect(try PercentDecoding.decode(Portal.queryEncode(text)) == text)
        }
    }
}
