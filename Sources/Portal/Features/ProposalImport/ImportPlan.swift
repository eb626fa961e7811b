import Foundation
import Musrenbang

/// The rows of an import file read against the kelurahan and the kamus: each row's proposal, or its errors by line and
/// column in words. Nothing is stored here; the confirmation stores every row or none (`Portal.confirmImport`).
struct ImportPlan {
    /// A problem by line and column (the column named by `ImportColumn.words`).
    typealias Problem = CSVProblem

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
        let upload = CSVUpload<ImportColumn>.read(bytes, column: { ImportColumn(rawValue: $0) }, required: ImportColumn.required,
                                                  words: \.words, noRows: "Tidak ada usulan di bawah baris judul.")
        var fileProblems = upload.problems
        if upload.rows.count > maxRows {
            fileProblems.append(Problem(line: upload.headerLine, column: nil,
                                        message: "Berkas berisi \(upload.rows.count) usulan; paling banyak \(maxRows) sekali impor. Bagi menjadi beberapa berkas."))
        }
        guard fileProblems.isEmpty else { return ImportPlan(rows: [], fileProblems: fileProblems) }
        let kamusByCode = Dictionary(catalog.items.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let kamusByName = Dictionary(catalog.items.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let rows = upload.rows.map { record in
            row(record, upload: upload, area: area, catalog: catalog, kamusByCode: kamusByCode, kamusByName: kamusByName)
        }
        return ImportPlan(rows: rows, fileProblems: [])
    }

    private static func row(_ record: CSVTable.Record, upload: CSVUpload<ImportColumn>, area: KelurahanArea,
                            catalog: ProposalCatalog, kamusByCode: [String: KamusItem], kamusByName: [String: KamusItem]) -> Row {
        let line = record.line
        var values: [ImportColumn: String] = [:]
        for (column, index) in upload.positions where index < record.fields.count { values[column] = upload.cell(column, in: record) }
        var problems: [Problem] = upload.widthProblem(record).map { [$0] } ?? []
        // The place: RT and RW by their numbers, within the operator's kelurahan.
        var origin: Origin?
        var place = ""
        let rwNumber = Int(values[.rw] ?? ""), rtNumber = Int(values[.rt] ?? "")
        if rwNumber == nil { problems.append(Problem(line: line, column: ImportColumn.rw.words, message: "Isi nomor RW dengan angka, misalnya 2.")) }
        if rtNumber == nil { problems.append(Problem(line: line, column: ImportColumn.rt.words, message: "Isi nomor RT dengan angka, misalnya 3.")) }
        if let rwNumber, let rtNumber {
            if let entry = area.rws.first(where: { $0.rw.number == rwNumber }) {
                if let rt = entry.rts.first(where: { $0.number == rtNumber }) {
                    origin = area.origin(entry.rw, rt)
                    place = "RT \(ProposalPlace.pad(rtNumber))/RW \(ProposalPlace.pad(rwNumber))"
                } else {
                    problems.append(Problem(line: line, column: ImportColumn.rt.words,
                                            message: "RW \(ProposalPlace.pad(rwNumber)) tidak punya RT \(ProposalPlace.pad(rtNumber))."))
                }
            } else {
                problems.append(Problem(line: line, column: ImportColumn.rw.words,
                                        message: "Kelurahan \(area.kelurahan.name) tidak punya RW \(ProposalPlace.pad(rwNumber))."))
            }
        }
        let name = values[.proposerName] ?? ""
        if name.isEmpty { problems.append(Problem(line: line, column: ImportColumn.proposerName.words, message: "Isi nama pengusul (warga atau RT).")) }
        // The kamus item by its code or its exact name (letter case aside).
        let kegiatan = (values[.kegiatan] ?? "").lowercased()
        let item = kamusByCode[kegiatan] ?? kamusByName[kegiatan]
        if item == nil {
            problems.append(Problem(line: line, column: ImportColumn.kegiatan.words, message: kegiatan.isEmpty
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
            problems.append(Problem(line: line, column: ImportColumn.of(formField: error.field)?.words, message: error.message))
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
