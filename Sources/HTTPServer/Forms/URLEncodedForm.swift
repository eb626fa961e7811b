/// Parser for `application/x-www-form-urlencoded` bodies (WHATWG URL standard, section 5.1).
public enum URLEncodedForm {
    /// Decodes `name=value&...` into ordered pairs; `+` is a space, `%XX` escapes are decoded strictly
    /// (malformed escapes, invalid UTF-8 and NUL are refused with 400). Empty pieces between `&` are
    /// skipped and a piece without `=` is a field with an empty value. Over `limits` gives 413.
    public static func parse<Bytes: Collection>(_ bytes: Bytes, limits: FormLimits = FormLimits()) throws(FormError) -> FormData
    where Bytes.Element == UInt8 {
        guard bytes.count <= limits.maxTotalBytes else {
            throw FormError(.bodyTooLarge, "Formulir terlalu besar: batasnya \(limits.maxTotalBytes) byte.")
        }
        var fields: [(name: String, value: String)] = []
        for piece in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard fields.count < limits.maxFields else {
                throw FormError(.tooManyFields, "Formulir terlalu besar: lebih dari \(limits.maxFields) isian.")
            }
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { piece[piece.startIndex..<$0] } ?? piece[...]
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
            let name = try decode(rawName, what: "nama isian")
            let value = try decode(rawValue, what: "isian '\(name)'")
            guard value.utf8.count <= limits.maxFieldBytes else {
                throw FormError(.fieldTooLarge, "Isian '\(name)' terlalu panjang: batasnya \(limits.maxFieldBytes) byte.")
            }
            fields.append((name, value))
        }
        return FormData(fields: fields)
    }

    private static func decode<Bytes: Collection>(_ bytes: Bytes, what: String) throws(FormError) -> String
    where Bytes.Element == UInt8 {
        do {
            return try PercentDecoding.decode(bytes, plusAsSpace: true)
        } catch {
            switch error {
            case .malformedEscape: throw .malformed("\(what) memuat kode persen (%) yang rusak")
            case .invalidUTF8: throw .malformed("\(what) bukan teks UTF-8 yang sah")
            case .nulByte: throw .malformed("\(what) memuat karakter NUL")
            }
        }
    }
}
