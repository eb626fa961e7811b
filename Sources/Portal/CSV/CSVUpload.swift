import Foundation

/// An uploaded CSV file read against the headings of its template: where each known column stands, the rows that hold
/// anything (Excel writes ";;;;" for rows whose cells were cleared), and the problems of the file itself (unreadable,
/// empty, a heading unknown or missing, no rows). The proposal import and the ceiling criteria import read their
/// files this way and judge the rows themselves.
struct CSVUpload<Column: Hashable> {
    /// The heading's line (1 when the file has none).
    let headerLine: Int
    /// How many fields the heading has (0 when none): a row with another count is suspect.
    let width: Int
    let positions: [Column: Int]
    /// The rows under the heading that hold anything.
    let rows: [CSVTable.Record]
    /// Problems of the file itself (a caller reads no row while there is one).
    let problems: [CSVProblem]

    /// Reads `bytes`: a heading becomes a column when `column` names it (after trimming, lowercasing and `_` for
    /// spaces); every `required` column must be there (named in the problem by `words`); `noRows` says what is
    /// missing when the heading stands alone.
    static func read(_ bytes: [UInt8], column: (String) -> Column?, required: [Column], words: (Column) -> String,
                     noRows: String) -> CSVUpload {
        let table: CSVTable
        do {
            table = try CSVTable.parse(bytes)
        } catch {
            return CSVUpload(problem: CSVProblem(line: error.line, column: nil, message: error.message))
        }
        guard let header = table.records.first else {
            return CSVUpload(problem: CSVProblem(line: 1, column: nil, message: "Berkas kosong; mulai dari templat."))
        }
        var positions: [Column: Int] = [:]
        var problems: [CSVProblem] = []
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
            guard let known = column(key) else {
                problems.append(CSVProblem(line: header.line, column: nil,
                                           message: "Judul kolom \"\(name)\" tidak dikenal; gunakan judul kolom dari templat."))
                continue
            }
            positions[known] = index
        }
        for missing in required where positions[missing] == nil {
            problems.append(CSVProblem(line: header.line, column: words(missing), message: "Kolom ini tidak ada di baris judul; gunakan templat."))
        }
        let rows = table.records.dropFirst().filter { record in
            record.fields.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        }
        if rows.isEmpty { problems.append(CSVProblem(line: header.line, column: nil, message: noRows)) }
        return CSVUpload(headerLine: header.line, width: header.fields.count, positions: positions,
                         rows: Array(rows), problems: problems)
    }

    private init(problem: CSVProblem) {
        self.init(headerLine: 1, width: 0, positions: [:], rows: [], problems: [problem])
    }

    private init(headerLine: Int, width: Int, positions: [Column: Int], rows: [CSVTable.Record], problems: [CSVProblem]) {
        self.headerLine = headerLine; self.width = width; self.positions = positions; self.rows = rows; self.problems = problems
    }

    /// The trimmed text of `column` in `record` ("" when the column or the cell is missing).
    func cell(_ column: Column, in record: CSVTable.Record) -> String {
        guard let index = positions[column], index < record.fields.count else { return "" }
        return record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The problem of a row whose field count differs from the heading's; nil when it matches.
    func widthProblem(_ record: CSVTable.Record) -> CSVProblem? {
        record.fields.count == width ? nil
            : CSVProblem(line: record.line, column: nil, message: "Baris ini berisi \(record.fields.count) kolom, baris judul \(width) kolom.")
    }
}
