import Foundation
import Musrenbang

/// The rows of an import file read against the kelurahan and the kamus: each row's proposal, or its errors by line and
/// column in words. Nothing is stored here; the confirmation stores every row or none (`Portal.confirmImport`).
struct ImportPlan {
    struct Problem: Equatable {
        let line: Int
        /// Nil: the row (or the file) as a whole.
        let column: ImportColumn?
        let message: String

        /// "Baris 734, kolom volume: Isi volume dengan angka bulat, misalnya 120."
        var words: String {
            let place = column.map { "Baris \(line), kolom \($0.words)" } ?? "Baris \(line)"
            return "\(place): \(message)"
        }
    }

    struct Row {
        let line: Int
        let values: [ImportColumn: String]
        let place: String
        let kamusName: String
        let cost: Int64?
        let proposal: NewProposal?
        let problems: [Problem]
    }

    let rows: [Row]
    /// Problems of the file itself (unreadable, no header, a column missing).
    let fileProblems: [Problem]

    var problems: [Problem] { fileProblems + rows.flatMap(\.problems) }
    var isValid: Bool { problems.isEmpty && !rows.isEmpty }

    /// The most rows one file may hold.
    static let maxRows = 5_000

    static func read(_ bytes: [UInt8], area: KelurahanArea, catalog: ProposalCatalog) -> ImportPlan {
        let table: CSVTable
        do {
            table = try CSVTable.parse(bytes)
        } catch {
            return ImportPlan(rows: [], fileProblems: [Problem(line: error.line, column: nil, message: error.message)])
        }
        guard let header = table.records.first else {
            return ImportPlan(rows: [], fileProblems: [Problem(line: 1, column: nil, message: "Berkas kosong; mulai dari templat.")])
        }
        var positions: [ImportColumn: Int] = [:]
        var fileProblems: [Problem] = []
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
            guard let column = ImportColumn(rawValue: key) else {
                fileProblems.append(Problem(line: header.line, column: nil,
                                            message: "Judul kolom \"\(name)\" tidak dikenal; gunakan judul kolom dari templat."))
                continue
            }
            positions[column] = index
        }
        for column in ImportColumn.required where positions[column] == nil {
            fileProblems.append(Problem(line: header.line, column: column, message: "Kolom ini tidak ada di baris judul; gunakan templat."))
        }
        // Rows left with only separators (Excel writes ";;;;" for rows whose cells were cleared) are no proposals.
        let body = table.records.dropFirst().filter { record in
            record.fields.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        }
        if body.isEmpty { fileProblems.append(Problem(line: header.line, column: nil, message: "Tidak ada usulan di bawah baris judul.")) }
        if body.count > maxRows {
            fileProblems.append(Problem(line: header.line, column: nil,
                                        message: "Berkas berisi \(body.count) usulan; paling banyak \(maxRows) sekali impor. Bagi menjadi beberapa berkas."))
        }
        guard fileProblems.isEmpty else { return ImportPlan(rows: [], fileProblems: fileProblems) }
        let kamusByCode = Dictionary(catalog.items.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let kamusByName = Dictionary(catalog.items.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let rows = body.map { record in
            row(record, header: header.fields.count, positions: positions, area: area, catalog: catalog, kamusByCode: kamusByCode,
                kamusByName: kamusByName)
        }
        return ImportPlan(rows: rows, fileProblems: [])
    }

    private static func row(_ record: CSVTable.Record, header: Int, positions: [ImportColumn: Int], area: KelurahanArea,
                            catalog: ProposalCatalog, kamusByCode: [String: KamusItem], kamusByName: [String: KamusItem]) -> Row {
        let line = record.line
        var values: [ImportColumn: String] = [:]
        for (column, index) in positions where index < record.fields.count {
            values[column] = record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var problems: [Problem] = []
        if record.fields.count != header {
            problems.append(Problem(line: line, column: nil,
                                    message: "Baris ini berisi \(record.fields.count) kolom, baris judul \(header) kolom."))
        }
        // The place: RT and RW by their numbers, within the operator's kelurahan.
        var origin: Origin?
        var place = ""
        let rwNumber = Int(values[.rw] ?? ""), rtNumber = Int(values[.rt] ?? "")
        if rwNumber == nil { problems.append(Problem(line: line, column: .rw, message: "Isi nomor RW dengan angka, misalnya 2.")) }
        if rtNumber == nil { problems.append(Problem(line: line, column: .rt, message: "Isi nomor RT dengan angka, misalnya 3.")) }
        if let rwNumber, let rtNumber {
            if let entry = area.rws.first(where: { $0.rw.number == rwNumber }) {
                if let rt = entry.rts.first(where: { $0.number == rtNumber }) {
                    origin = area.origin(entry.rw, rt)
                    place = "RT \(ProposalPlace.pad(rtNumber))/RW \(ProposalPlace.pad(rwNumber))"
                } else {
                    problems.append(Problem(line: line, column: .rt,
                                            message: "RW \(ProposalPlace.pad(rwNumber)) tidak punya RT \(ProposalPlace.pad(rtNumber))."))
                }
            } else {
                problems.append(Problem(line: line, column: .rw,
                                        message: "Kelurahan \(area.kelurahan.name) tidak punya RW \(ProposalPlace.pad(rwNumber))."))
            }
        }
        let name = values[.proposerName] ?? ""
        if name.isEmpty { problems.append(Problem(line: line, column: .proposerName, message: "Isi nama pengusul (warga atau RT).")) }
        // The kamus item by its code or its exact name (letter case aside).
        let kegiatan = (values[.kegiatan] ?? "").lowercased()
        let item = kamusByCode[kegiatan] ?? kamusByName[kegiatan]
        if item == nil {
            problems.append(Problem(line: line, column: .kegiatan, message: kegiatan.isEmpty
                ? "Isi kode atau nama kegiatan dari kamus usulan."
                : "Tidak ada kegiatan aktif dengan kode atau nama \"\(values[.kegiatan] ?? "")\" di kamus usulan."))
        }
        // The content through the proposal form's own checks and messages.
        var answers = ProposalAnswers(rtId: origin?.rtId?.rawValue)
        answers.kamusId = item.map { String($0.id.rawValue) } ?? ""
        answers.volume = values[.volume] ?? ""
        answers.title = values[.judul] ?? ""
        answers.problem = values[.permasalahan] ?? ""
        answers.output = values[.keluaran] ?? ""
        answers.outcome = values[.hasil] ?? ""
        answers.location = values[.lokasi] ?? ""
        answers.latitude = values[.lintang] ?? ""
        answers.longitude = values[.bujur] ?? ""
        answers.beneficiaries = values[.penerimaManfaat] ?? ""
        let (content, errors) = answers.content(in: catalog)
        for error in errors where !(error.field == "kamus" && item == nil) {
            problems.append(Problem(line: line, column: ImportColumn.of(formField: error.field), message: error.message))
        }
        var proposal: NewProposal?
        if let content, let origin, problems.isEmpty {
            var new = NewProposal(origin: origin, proposerAccountId: nil, proposerName: name, title: content.title, problem: content.problem,
                                  kamusId: content.kamusId, volume: content.volume, locationText: content.locationText,
                                  latitude: content.latitude, longitude: content.longitude, beneficiaries: content.beneficiaries)
            new.content.expectedOutput = content.expectedOutput
            new.content.expectedOutcome = content.expectedOutcome
            proposal = new
        }
        return Row(line: line, values: values, place: place, kamusName: item?.name ?? (values[.kegiatan] ?? ""),
                   cost: answers.cost(in: catalog), proposal: proposal, problems: problems)
    }
}
