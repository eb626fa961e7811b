import Musrenbang

/// A CSV file of criteria inputs read against the kota's kelurahan: each row's inputs, or its errors by line and column
/// in words. Kelurahan are found by code (`kode_kelurahan`) or, when the code is blank, by exact name
/// (`nama_kelurahan`). Nothing is stored here; the confirmation stores every row or none.
struct CeilingInputImport {
    /// A problem by line and column (the column named by its heading).
    typealias Problem = CSVProblem

    struct Row {
        let line: Int
        let name: String
        let values: [CeilingCriterion: Int64]
        let input: CeilingInput?
        let problems: [Problem]
    }

    let rows: [Row]
    let fileProblems: [Problem]

    var problems: [Problem] { fileProblems + rows.flatMap(\.problems) }
    var isValid: Bool { problems.isEmpty && !rows.isEmpty }
    var inputs: [CeilingInput] { rows.compactMap(\.input) }

    static func read(_ bytes: [UInt8], sheet: CeilingInputSheet) -> CeilingInputImport {
        let known = [CeilingInputColumn.codeHeader, CeilingInputColumn.nameHeader] + CeilingCriterion.allCases.map(CeilingInputColumn.header)
        let upload = CSVUpload<String>.read(bytes, column: { known.contains($0) ? $0 : nil }, required: known, words: { $0 },
                                            noRows: "Tidak ada kelurahan di bawah baris judul.")
        guard upload.problems.isEmpty else { return CeilingInputImport(rows: [], fileProblems: upload.problems) }

        var byCode: [String: [CeilingInputSheet.Row]] = [:], byName: [String: [CeilingInputSheet.Row]] = [:]
        for row in sheet.rows {
            byCode[row.kelurahan.code.lowercased(), default: []].append(row)
            byName[row.kelurahan.name.lowercased(), default: []].append(row)
        }
        var seen: [Int64: Int] = [:]
        let rows = upload.rows.map { record -> Row in
            var problems: [Problem] = upload.widthProblem(record).map { [$0] } ?? []
            func cell(_ column: String) -> String { upload.cell(column, in: record) }
            let code = cell(CeilingInputColumn.codeHeader), name = cell(CeilingInputColumn.nameHeader)
            var found: CeilingInputSheet.Row?
            if !code.isEmpty {
                let matches = byCode[code.lowercased()] ?? []
                if matches.count == 1 { found = matches[0] } else {
                    problems.append(Problem(line: record.line, column: CeilingInputColumn.codeHeader, message: matches.isEmpty
                        ? "Tidak ada kelurahan berkode \"\(code)\" di kota ini."
                        : "Kode \"\(code)\" dipakai lebih dari satu kelurahan; tulis juga nama kelurahannya dan kosongkan kodenya."))
                }
            } else if !name.isEmpty {
                let matches = byName[name.lowercased()] ?? []
                if matches.count == 1 { found = matches[0] } else {
                    problems.append(Problem(line: record.line, column: CeilingInputColumn.nameHeader, message: matches.isEmpty
                        ? "Tidak ada kelurahan bernama \"\(name)\" di kota ini; tulis kode kelurahannya."
                        : "Ada lebih dari satu kelurahan bernama \"\(name)\"; tulis kode kelurahannya."))
                }
            } else {
                problems.append(Problem(line: record.line, column: CeilingInputColumn.codeHeader,
                                        message: "Tulis kode kelurahan (atau nama kelurahan yang persis)."))
            }
            if let found {
                let id = found.kelurahan.id.rawValue
                if let first = seen[id] {
                    problems.append(Problem(line: record.line, column: CeilingInputColumn.codeHeader,
                                            message: "Kelurahan \(found.kelurahan.name) sudah ada di baris \(first); satu baris per kelurahan."))
                } else {
                    seen[id] = record.line
                }
            }
            var values: [CeilingCriterion: Int64] = [:]
            for criterion in CeilingCriterion.allCases {
                let column = CeilingInputColumn.header(criterion)
                guard let value = CeilingInputColumn.number(cell(column)) else {
                    problems.append(Problem(line: record.line, column: column, message: CeilingInputColumn.invalid(criterion)))
                    continue
                }
                guard value <= CeilingCalculator.maxCriterionValue else {
                    problems.append(Problem(line: record.line, column: column, message: CeilingInputColumn.outOfRange(criterion)))
                    continue
                }
                values[criterion] = value
            }
            let input = problems.isEmpty ? found.map { CeilingInput(areaId: $0.kelurahan.id.rawValue, values: values) } : nil
            return Row(line: record.line, name: found.map { "Kelurahan \($0.kelurahan.name)" } ?? (name.isEmpty ? code : name),
                       values: values, input: input, problems: problems)
        }
        return CeilingInputImport(rows: rows, fileProblems: [])
    }
}
