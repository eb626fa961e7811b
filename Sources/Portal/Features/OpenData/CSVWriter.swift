/// CSV as Excel in an Indonesian locale opens it (docs/open-data.md): UTF-8 with a byte order mark, `;` between fields
/// (or `,` on request), RFC 4180 quoting (a field holding the separator, a quote, CR or LF is quoted, its quotes
/// doubled), CRLF after every record. A text field that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or CR) gets a leading `'`, as OWASP advises against CSV injection; numbers are written as digits.
/// Builds the bytes of a few records at a time for a streamed response: `take()` hands them over and starts afresh.
struct CSVWriter {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    let separator: UInt8
    /// CRLF (RFC 4180, Excel), or LF (the Pabulib files, read line by line).
    let lineEnd: [UInt8]
    /// Whether a text field that looks like a formula gets its leading `'` (spreadsheet exports).
    let guardsFormulas: Bool
    private(set) var bytes: [UInt8] = []
    private var fieldsInRecord = 0

    /// A writer separating fields with `separator` (`;` or `,`), starting with the byte order mark when `bom`.
    init(separator: UInt8 = UInt8(ascii: ";"), bom: Bool = true, lineEnd: [UInt8] = [CSVWriter.cr, CSVWriter.lf],
         guardsFormulas: Bool = true) {
        self.separator = separator
        self.lineEnd = lineEnd
        self.guardsFormulas = guardsFormulas
        bytes.reserveCapacity(64 * 1024)
        if bom { bytes += Self.byteOrderMark }
    }

    /// Appends a text field.
    mutating func text(_ value: String) {
        startField()
        var value = value
        value.withUTF8 { utf8 in
            let needsQuotes = utf8.contains { $0 == separator || $0 == Self.quote || $0 == Self.cr || $0 == Self.lf }
            let formula = guardsFormulas && (utf8.first.map(Self.formulaStarts.contains) ?? false)
            if needsQuotes { bytes.append(Self.quote) }
            if formula { bytes.append(UInt8(ascii: "'")) }
            if needsQuotes {
                for byte in utf8 {
                    if byte == Self.quote { bytes.append(Self.quote) }
                    bytes.append(byte)
                }
                bytes.append(Self.quote)
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// Appends a text field, empty for nil.
    mutating func text(_ value: String?) { text(value ?? "") }

    /// Appends a whole number as digits.
    mutating func number(_ value: Int64) {
        startField()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends a whole number, empty for nil.
    mutating func number(_ value: Int64?) {
        guard let value else { startField(); return }
        number(value)
    }

    /// Ends the record (CRLF, or the writer's line end).
    mutating func endRecord() {
        bytes.append(contentsOf: lineEnd)
        fieldsInRecord = 0
    }

    /// One record of text fields.
    mutating func record(_ fields: [String]) {
        for field in fields { text(field) }
        endRecord()
    }

    /// The bytes written since the last `take()`, handed over; the writer goes on empty.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func startField() {
        if fieldsInRecord > 0 { bytes.append(separator) }
        fieldsInRecord += 1
    }

    /// The separator a request asks for: `?sep=,` (or `koma`) for a comma, else `;`.
    static func separator(query value: String?) -> UInt8 {
        switch value {
        case ",", "koma", "comma": UInt8(ascii: ",")
        default: UInt8(ascii: ";")
        }
    }
}
