import Foundation
import Musrenbang

/// The address of an attachment's download and the header that names its file.
enum AttachmentPaths {
    static let pattern = "/lampiran/:id"

    static func download(_ id: AttachmentID) -> String { "/lampiran/\(id.rawValue)" }

    /// `attachment; filename="..."; filename*=UTF-8''...`: an ASCII name for old clients (anything else, quotes and
    /// backslashes become `_`) and the exact name percent-encoded (RFC 6266, RFC 8187).
    static func disposition(_ fileName: String) -> String {
        let ascii = String(fileName.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value != 0x7F && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
        })
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(0x80)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
