/// A CSV file read strictly by RFC 4180, with what Excel in an Indonesian locale writes besides: an optional UTF-8 BOM,
/// `;` or `,` between fields (whichever the first record uses more of, outside quotes), CRLF or LF line ends.
/// Quoted fields may hold separators, doubled quotes and line breaks. Anything else is refused with its line: a quote
/// inside an unquoted field, text after a closing quote, a quote never closed, bytes that are not UTF-8. Blank lines
/// are skipped. Works on the bytes (separators, quotes and line ends are ASCII, so never part of a UTF-8 sequence).
struct CSVTable: Equatable {
    /// One record: the physical line it starts on (1 = the first line of the file) and its fields.
    struct Record: Equatable {
        let line: Int
        let fields: [String]
    }

    /// Why a file cannot be read, with the line it happened on.
    struct Failure: Error, Equatable {
        let line: Int
        let message: String
    }

    let separator: UInt8
    let records: [Record]

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let semicolon = UInt8(ascii: ";"), comma = UInt8(ascii: ",")

    static func parse(_ data: [UInt8]) throws(Failure) -> CSVTable {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw Failure(line: firstInvalidLine(bytes), message: "Berkas bukan teks UTF-8. Di Excel, simpan sebagai \"CSV UTF-8\".")
        }
        let separator = detectSeparator(bytes)
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = bytes.startIndex
        let end = bytes.endIndex

        func finishRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < end {
            // The start of a field.
            if bytes[index] == quote {
                let startLine = line
                index += 1
                while true {
                    guard index < end else { throw Failure(line: startLine, message: "Tanda petik (\") dibuka tetapi tidak ditutup.") }
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < end, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if byte == lf { line += 1 }
                    field.append(byte)
                    index += 1
                }
                // After the closing quote: a separator, a line end or the end of the file.
                if index < end, bytes[index] != separator, bytes[index] != lf,
                   !(bytes[index] == cr && index + 1 < end && bytes[index + 1] == lf) {
                    throw Failure(line: line, message: "Ada teks setelah tanda petik penutup; apit seluruh isi kolom dengan tanda petik.")
                }
            } else {
                while index < end {
                    let byte = bytes[index]
                    if byte == separator || byte == lf || byte == cr { break }
                    if byte == quote {
                        throw Failure(line: line, message: "Tanda petik (\") di tengah kolom; apit seluruh isi kolom dengan tanda petik dan gandakan petik di dalamnya.")
                    }
                    field.append(byte)
                    index += 1
                }
            }
            guard index < end else { break }
            let byte = bytes[index]
            if byte == separator {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                index += 1
                if index == end { break }
                continue
            }
            if byte == cr {
                guard index + 1 < end, bytes[index + 1] == lf else {
                    throw Failure(line: line, message: "Akhir baris tidak dikenal (CR tanpa LF).")
                }
                index += 1
            }
            // A line feed ends the record.
            index += 1
            finishRecord()
            line += 1
            recordLine = line
        }
        if !fields.isEmpty || !field.isEmpty { finishRecord() }
        return CSVTable(separator: separator, records: records)
    }

    /// `;` when the first record has more of them than commas outside quotes, else `,`.
    private static func detectSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var quoted = false
        var semicolons = 0, commas = 0
        for byte in bytes {
            if byte == quote { quoted.toggle(); continue }
            if quoted { continue }
            if byte == lf { break }
            if byte == semicolon { semicolons += 1 } else if byte == comma { commas += 1 }
        }
        return semicolons > commas ? semicolon : comma
    }

    /// The line of the first byte sequence that is not UTF-8.
    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == lf {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
