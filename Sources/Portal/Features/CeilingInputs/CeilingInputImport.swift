import Musrenbang

/// A CSV file of criteria inputs read against the kota's kelurahan: each row's inputs, or its errors by line and column
/// in words. Kelurahan are found by code (`kode_kelurahan`) or, when the code is blank, by exact name
/// (`nama_kelurahan`). Nothing is stored here; the confirmation stores every row or none.
struct CeilingInputImport {
    struct Problem: Equatable {
        let line: Int
        /// The column's heading; nil for the row (or the file) as a whole.
        let column: String?
        let message: String

        /// "Baris 5, kolom jumlah_penduduk: Tulis jumlah penduduk dengan bilangan bulat ..."
        var words: String {
            let place = column.map { "Baris \(line), kolom \($0)" } ?? "Baris \(line)"
            return "\(place): \(message)"
        }
    }

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
        let table: CSVTable
        do {
            table = try CSVTable.parse(bytes)
        } catch {
            return CeilingInputImport(rows: [], fileProblems: [Problem(line: error.line, column: nil, message: error.message)])
        }
        guard let header = table.records.first else {
            return CeilingInputImport(rows: [], fileProblems: [Problem(line: 1, column: nil, message: "Berkas kosong; mulai dari templat.")])
        }
        var positions: [String: Int] = [:]
        var fileProblems: [Problem] = []
        let known = [CeilingInputColumn.codeHeader, CeilingInputColumn.nameHeader] + CeilingCriterion.allCases.map(CeilingInputColumn.header)
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
            guard known.contains(key) else {
                fileProblems.append(Problem(line: header.line, column: nil,
                                            message: "Judul kolom \"\(name)\" tidak dikenal; gunakan judul kolom dari templat."))
                continue
            }
            positions[key] = index
        }
        for column in known where positions[column] == nil {
            fileProblems.append(Problem(line: header.line, column: column, message: "Kolom ini tidak ada di baris judul; gunakan templat."))
        }
        let body = table.records.dropFirst().filter { record in
            record.fields.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        }
        if body.isEmpty { fileProblems.append(Problem(line: header.line, column: nil, message: "Tidak ada kelurahan di bawah baris judul.")) }
        guard fileProblems.isEmpty else { return CeilingInputImport(rows: [], fileProblems: fileProblems) }

        var byCode: [String: [CeilingInputSheet.Row]] = [:], byName: [String: [CeilingInputSheet.Row]] = [:]
        for row in sheet.rows {
            byCode[row.kelurahan.code.lowercased(), default: []].append(row)
            byName[row.kelurahan.name.lowercased(), default: []].append(row)
        }
        var seen: [Int64: Int] = [:]
        let rows = body.map { record -> Row in
            var problems: [Problem] = []
            func cell(_ column: String) -> String {
                guard let index = positions[column], index < record.fields.count else { return "" }
                return record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if record.fields.count != header.fields.count {
                problems.append(Problem(line: record.line, column: nil,
                                        message: "Baris ini berisi \(record.fields.count) kolom, baris judul \(header.fields.count) kolom."))
            }
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
