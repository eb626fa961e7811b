@testable import Portal
import Testing

/// The strict CSV reader of the import: BOM, `;` and `,`, quotes, doubled quotes, line breaks in quotes, CRLF, and the
/// line of every refusal.
@Suite("CSV reader")
struct CSVTableTests {
    private func parse(_ text: String) throws(CSVTable.Failure) -> CSVTable { try CSVTable.parse(Array(text.utf8)) }
    private func fields(_ table: CSVTable) -> [[String]] { table.records.map(\.fields) }

    @Test func semicolonsWithABOMAndCRLFAsExcelSavesIt() throws {
        let table = try CSVTable.parse([0xEF, 0xBB, 0xBF] + Array("rw;rt;judul\r\n1;3;Saluran, gorong-gorong\r\n2;4;Jalan\r\n".utf8))
        #expect(table.separator == UInt8(ascii: ";"))
        #expect(fields(table) == [["rw", "rt", "judul"], ["1", "3", "Saluran, gorong-gorong"], ["2", "4", "Jalan"]])
        #expect(table.records.map(\.line) == [1, 2, 3])
    }

    @Test func commasWithoutBOMAndLF() throws {
        let table = try parse("rw,rt,judul\n1,3,\"Saluran; gorong-gorong\"\n")
        #expect(table.separator == UInt8(ascii: ","))
        #expect(fields(table) == [["rw", "rt", "judul"], ["1", "3", "Saluran; gorong-gorong"]])
    }

    @Test func quotedFieldsKeepSeparatorsDoubledQuotesAndLineBreaks() throws {
        let table = try parse("a;b;c\r\n\"x;y\";\"kata \"\"petik\"\"\";\"baris satu\r\nbaris dua\nbaris tiga\"\r\nakhir;\"\";\r\n")
        #expect(fields(table) == [["a", "b", "c"], ["x;y", "kata \"petik\"", "baris satu\r\nbaris dua\nbaris tiga"], ["akhir", "", ""]])
        // A record spanning three lines starts on line 2; the next one on line 5.
        #expect(table.records.map(\.line) == [1, 2, 5])
    }

    @Test func theSeparatorIsTheOneTheHeaderUsesOutsideQuotes() throws {
        let table = try parse("\"a,b,c\";d\n1;2\n")
        #expect(table.separator == UInt8(ascii: ";") && fields(table) == [["a,b,c", "d"], ["1", "2"]])
    }

    @Test func blankLinesAreSkippedAndTheLastLineMayLackItsEnd() throws {
        let table = try parse("a,b\n\n1,2\r\n\r\n3,4")
        #expect(fields(table) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(table.records.map(\.line) == [1, 3, 5])
        #expect(try parse("").records.isEmpty)
    }

    @Test func refusalsNameTheirLine() throws {
        let cases: [(String, Int)] = [
            ("a;b\n1;x\"y\n", 2),                       // a quote inside an unquoted field
            ("a;b\n1;2\n\"3\"x;4\n", 3),                // text after a closing quote
            ("a;b\n1;2\n3;\"never\nclosed\n", 3),       // a quote never closed: the line it opened on
            ("a;b\n1;2\r3;4\n", 2),                     // a bare CR
        ]
        for (text, line) in cases {
            #expect(throws: CSVTable.Failure.self, "\(text.debugDescription)") { try parse(text) }
            do throws(CSVTable.Failure) { _ = try parse(text) } catch { #expect(error.line == line, "\(text.debugDescription)") }
        }
        let latin1: [UInt8] = Array("a;b\n1;2\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x3B, 0x31, 0x0A]
        do throws(CSVTable.Failure) {
            _ = try CSVTable.parse(latin1)
            Issue.record("not UTF-8 was read")
        } catch {
            #expect(error.line == 3 && error.message.contains("UTF-8"))
        }
    }
}
