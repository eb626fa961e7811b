import Testing
@testable import HTTPServer

@Suite struct URLEncodedFormTests {
    @Test func parsesOrderedPairs() throws {
        let form = try URLEncodedForm.parse(Array("judul=Perbaikan+jalan&lokasi=RT%2001%2FRW%2002&kategori=a&kategori=b".utf8))
        #expect(form.fields.map(\.name) == ["judul", "lokasi", "kategori", "kategori"])
        #expect(form["judul"] == "Perbaikan jalan")
        #expect(form["lokasi"] == "RT 01/RW 02")
        #expect(form.values("kategori") == ["a", "b"])
        #expect(form["tidak-ada"] == nil)
        #expect(form.files.isEmpty)
    }

    @Test func handlesEmptyPiecesAndMissingEquals() throws {
        let form = try URLEncodedForm.parse(Array("&&a&b=&=c&d=e=f&".utf8))
        #expect(form.fields.map(\.name) == ["a", "b", "", "d"])
        #expect(form.fields.map(\.value) == ["", "", "c", "e=f"])
        #expect(try URLEncodedForm.parse([UInt8]()).fields.isEmpty)
    }

    @Test func decodesUTF8() throws {
        #expect(try URLEncodedForm.parse(Array("nama=Bu+S%C3%BAsi%20%E2%82%AC".utf8))["nama"] == "Bu Súsi €")
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "a=%00", "%C3%28=1", "a=%FF"])
    func refusesMalformedWith400(body: String) throws {
        let error = try #require(throws: FormError.self) { try URLEncodedForm.parse(Array(body.utf8)) }
        #expect(error.kind == .malformed)
        #expect(error.statusCode == 400)
        #expect(error.message.hasPrefix("Formulir tidak valid: "))
    }

    @Test func enforcesLimitsWith413() throws {
        let limits = FormLimits(maxFields: 3, maxFieldBytes: 5, maxTotalBytes: 40)
        #expect(try URLEncodedForm.parse(Array("a=1&b=2&c=12345".utf8), limits: limits).fields.count == 3)

        let tooMany = try #require(throws: FormError.self) { try URLEncodedForm.parse(Array("a&b&c&d".utf8), limits: limits) }
        #expect(tooMany.kind == .tooManyFields)
        #expect(tooMany.statusCode == 413)

        let tooLong = try #require(throws: FormError.self) { try URLEncodedForm.parse(Array("a=123456".utf8), limits: limits) }
        #expect(tooLong.kind == .fieldTooLarge)
        #expect(tooLong.statusCode == 413)

        let tooBig = try #require(throws: FormError.self) {
            try URLEncodedForm.parse(Array(String(repeating: "x", count: 41).utf8), limits: limits)
        }
        #expect(tooBig.kind == .bodyTooLarge)
        #expect(tooBig.statusCode == 413)
    }

    @Test func firstValuesKeepTheFirstOfARepeatedName() {
        let form = FormData(fields: [("a", "1"), ("b", "2"), ("a", "3")])
        #expect(form.firstValues == ["a": "1", "b": "2"])
        #expect(form.values("a") == ["1", "3"])
    }
}
