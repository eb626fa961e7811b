/// The header block of one `multipart/form-data` part (RFC 7578 section 4): the field name, the
/// client's file name when the part is a file, and the declared content type.
struct MultipartPartHeaders: Equatable {
    var name: String
    /// Present (possibly empty) when the part is a file; already sanitized.
    var filename: String?
    var contentType: String

    /// Parses the header lines after a delimiter line: each line ends in CRLF; the blank line is not included.
    init(block: ArraySlice<UInt8>) throws(FormError) {
        var disposition: [UInt8]?
        var contentType: String?
        var lines = Array(block).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        lines.removeLast()  // what follows the final LF: empty, since the block ends in CRLF
        for rawLine in lines {
            var line = rawLine
            guard line.last == UInt8(ascii: "\r") else { throw .malformed("baris kepala bagian multipart rusak") }
            line.removeLast()
            // A name that is not a token also catches obsolete line folding (a line starting with whitespace).
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                  HeaderValueSyntax.isToken(line[line.startIndex..<colon])
            else { throw .malformed("baris kepala bagian multipart rusak") }
            let name = HeaderValueSyntax.lowercasedASCII(line[line.startIndex..<colon])
            let value = HeaderValueSyntax.trimmed(line[line.index(after: colon)...])
            guard !value.contains(where: { HeaderValueSyntax.isControl($0) && $0 != UInt8(ascii: "\t") }) else {
                throw .malformed("baris kepala bagian multipart memuat karakter kendali")
            }
            switch name {
            case "content-disposition" where disposition == nil:
                disposition = Array(value)
            case "content-type" where contentType == nil:
                contentType = MediaType(String(decoding: value, as: UTF8.self))?.essence
            default:
                continue
            }
        }
        guard let disposition else { throw .malformed("bagian multipart tanpa Content-Disposition") }
        var index = 0
        while index < disposition.count, HeaderValueSyntax.isTokenByte(disposition[index]) { index += 1 }
        guard HeaderValueSyntax.lowercasedASCII(disposition[0..<index]) == "form-data" else {
            throw .malformed("bagian multipart bukan form-data")
        }
        // Browsers do not backslash-escape file names (they percent-encode quotes), so keep backslashes.
        let parameters = HeaderValueSyntax.parameters(disposition, from: index, backslashEscapes: false)
        guard let fieldName = parameters.first(where: { $0.name == "name" })?.value else {
            throw .malformed("bagian multipart tanpa nama isian")
        }
        name = fieldName
        if let plain = parameters.first(where: { $0.name == "filename" })?.value {
            filename = UploadFilename.sanitize(plain)
        } else if let extended = parameters.first(where: { $0.name == "filename*" })?.value {
            filename = UploadFilename.sanitize(Self.decodeExtendedValue(extended) ?? "")
        }
        self.contentType = contentType ?? (filename == nil ? "text/plain" : "application/octet-stream")
    }

    /// Decodes an RFC 8187 `UTF-8''percent-encoded` value; other charsets are not supported.
    static func decodeExtendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return try? PercentDecoding.decode(Array(pieces[2].utf8))
    }
}
