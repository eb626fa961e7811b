import Musrenbang

/// The CSV template of the criteria inputs: UTF-8 with a BOM and `;` between fields (as Excel in an Indonesian
/// locale opens and saves it), the headings, and one row per kelurahan with its stored values (blank when none).
enum CeilingInputTemplate {
    static func bytes(_ sheet: CeilingInputSheet) -> [UInt8] {
        let headings = [CeilingInputColumn.codeHeader, CeilingInputColumn.nameHeader] + CeilingCriterion.allCases.map(CeilingInputColumn.header)
        var lines = [headings.joined(separator: ";")]
        for row in sheet.rows {
            let values = CeilingCriterion.allCases.map { criterion in row.stored.map { "\($0.value(criterion))" } ?? "" }
            lines.append(([row.kelurahan.code, row.kelurahan.name] + values).map(quoted).joined(separator: ";"))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// The field as CSV writes it: quoted (inner quotes doubled) when it holds a separator, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == ";" || $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
