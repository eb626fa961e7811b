import Foundation

/// Reading a page's tables back as text: the table with a caption, its rows by their header cell, each data cell's
/// text without tags (entities decoded), so a test compares a page's figures with its own.
enum HTMLTables {
    /// The markup of the first `<table>` whose `<caption>` is `caption` (as written in the page, escaped); nil if none.
    static func table(_ caption: String, in body: String) -> String? {
        guard let mark = body.range(of: "<caption>\(caption)</caption>"),
              let start = body[..<mark.lowerBound].range(of: "<table", options: .backwards),
              let end = body[mark.upperBound...].range(of: "</table>") else { return nil }
        return String(body[start.lowerBound..<end.upperBound])
    }

    /// Every row of `table` with a row header: the header's text and the text of its data cells.
    static func rows(_ table: String) -> [(header: String, cells: [String])] {
        table.components(separatedBy: "<tr>").dropFirst().compactMap { piece in
            let row = piece.components(separatedBy: "</tr>")[0]
            guard let th = row.range(of: "<th scope=\"row\">"), let thEnd = row.range(of: "</th>", range: th.upperBound..<row.endIndex) else {
                return nil
            }
            let header = text(String(row[th.upperBound..<thEnd.lowerBound]))
            let cells = row[thEnd.upperBound...].components(separatedBy: "<td").dropFirst().map { cell -> String in
                let content = cell.drop { $0 != ">" }.dropFirst()
                return text(String(content.components(separatedBy: "</td>")[0]))
            }
            return (header, cells)
        }
    }

    /// The data cells of the row headed `header` in the table captioned `caption`.
    static func row(_ header: String, table caption: String, in body: String) -> [String]? {
        guard let table = table(caption, in: body) else { return nil }
        return rows(table).first { $0.header == header }?.cells
    }

    /// Text without tags, entities decoded.
    static func text(_ markup: String) -> String {
        var out = "", inTag = false
        for character in markup {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every inline `<svg>...</svg>` of the page.
    static func svgs(in body: String) -> [String] {
        body.components(separatedBy: "<svg").dropFirst().map { "<svg" + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }
}
