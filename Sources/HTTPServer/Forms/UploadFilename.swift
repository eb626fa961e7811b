/// Makes a client's upload file name safe to keep as metadata: basename only, no control or
/// format (bidi) characters, trimmed, and at most `maxBytes` UTF-8 bytes. It is never used as a path.
enum UploadFilename {
    static let maxBytes = 200

    static func sanitize(_ raw: String) -> String {
        // Old browsers send a full Windows path; keep what follows the last separator of either kind.
        let lastComponent = raw.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }.last ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in lastComponent.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                continue
            default:
                scalars.append(scalar)
            }
        }
        var name = String(scalars).trimmingWhitespace()
        if name == "." || name == ".." { return "" }
        if name.utf8.count > maxBytes { name = truncate(name) }
        return name
    }

    /// Shortens the stem and keeps a short extension, so `laporan....pdf` stays recognisably a PDF.
    private static func truncate(_ name: String) -> String {
        var stem = Substring(name)
        var suffix = Substring("")
        if let dot = name.lastIndex(of: "."), dot != name.startIndex, name.utf8.distance(from: dot, to: name.utf8.endIndex) <= 16 {
            stem = name[..<dot]
            suffix = name[dot...]
        }
        let budget = maxBytes - suffix.utf8.count
        var kept = ""
        for character in stem {
            if kept.utf8.count + character.utf8.count > budget { break }
            kept.append(character)
        }
        return kept + suffix
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
