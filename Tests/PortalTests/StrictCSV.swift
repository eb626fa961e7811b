import Foundation

/// CSV read exactly as the open data exports promise it, to check them: RFC 4180 with a given separator, an optional
/// UTF-8 byte order mark that must be there when asked for, quoted fields with doubled quotes and line breaks inside,
/// CRLF after every record (a bare CR or LF outside quotes, a quote inside an unquoted field, text after a closing
/// quote, a quote never closed, a last record without its CRLF: all refused), every record as long as the first, and
/// UTF-8 throughout. Stricter on purpose than the import's reader (`CSVTable`), which accepts what Excel writes.
enum StrictCSV {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let message: String
        var description: String { "byte \(offset): \(message)" }
    }

    static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    static func parse(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ";"), bom: Bool = true) throws -> [[String]] {
        var index = 0
        if bom {
            guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { throw Failure(offset: 0, message: "no UTF-8 byte order mark") }
            index = 3
        }
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        while index < bytes.count {
            if bytes[index] == quote {
                let opened = index
                index += 1
                while true {
                    guard index < bytes.count else { throw Failure(offset: opened, message: "quote never closed") }
                    if bytes[index] == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(bytes[index])
                    index += 1
                }
            } else {
                while index < bytes.count, bytes[index] != separator, bytes[index] != cr {
                    guard bytes[index] != quote else { throw Failure(offset: index, message: "quote inside an unquoted field") }
                    guard bytes[index] != lf else { throw Failure(offset: index, message: "line feed without carriage return") }
                    field.append(bytes[index])
                    index += 1
                }
            }
            guard let text = String(validating: field, as: UTF8.self) else { throw Failure(offset: index, message: "not UTF-8") }
            record.append(text)
            field.removeAll()
            guard index < bytes.count else { throw Failure(offset: index, message: "last record without CRLF") }
            if bytes[index] == separator {
                index += 1
                guard index < bytes.count else { throw Failure(offset: index, message: "file ends after a separator") }
                continue
            }
            guard bytes[index] == cr, index + 1 < bytes.count, bytes[index + 1] == lf else {
                throw Failure(offset: index, message: "expected a separator or CRLF after a field")
            }
            index += 2
            if let first = records.first, first.count != record.count {
                throw Failure(offset: index, message: "record \(records.count + 1) has \(record.count) fields, the first \(first.count)")
            }
            records.append(record)
            record.removeAll()
        }
        return records
    }
}
