import Foundation
import Musrenbang

/// One funding envelope's meeting in the Pabulib `.pb` format (the open participatory-budgeting library's files, read
/// by its reference parser pabutools; docs/open-data.md): sections META, PROJECTS and VOTES of `;`-separated records.
/// META carries the envelope's ceiling as `budget` and `vote_type` scoring; PROJECTS the proposals of the run the
/// berita acara applied (cost, bidang as category, title, weighted score, rank, `selected` 1 when funded); VOTES the
/// meeting's score sheets as scoring ballots, one voter per criterion (the meeting scores each proposal once per
/// criterion, 1-5): `vote` the proposals it scored, `points` their scores.
enum PabulibFile {
    /// "2027-kelurahan-12.pb": the address of an envelope's file under `/data/pabulib/`.
    static func name(planYear: Int, envelope: FundingEnvelope) -> String {
        "\(planYear)-\(envelope.level.rawValue)-\(envelope.ownerId).pb"
    }

    /// The envelope and plan year of a file name made by `name(planYear:envelope:)`; nil for anything else.
    static func parse(_ name: String) -> (planYear: Int, envelope: FundingEnvelope)? {
        guard name.hasSuffix(".pb") else { return nil }
        let parts = name.dropLast(3).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), parts[2].allSatisfy(\.isASCII),
              let level = Level(rawValue: String(parts[1])), let owner = Int64(parts[2]), owner > 0,
              String(owner) == parts[2], let envelope = FundingEnvelope(level: level, ownerId: owner) else { return nil }
        return (year, envelope)
    }

    /// The name a download is saved as, after Pabulib's own: "indonesia_kota-tangerang-selatan_2027_kelurahan-pondok-karya.pb".
    static func downloadName(_ result: EnvelopeResult) -> String {
        ["indonesia", slug(result.kotaName), String(result.cycle.planYear), slug(result.unitName)].joined(separator: "_") + ".pb"
    }

    static func bytes(_ result: EnvelopeResult) -> [UInt8] {
        var pb = CSVWriter(separator: UInt8(ascii: ";"), bom: false, lineEnd: [CSVWriter.lf], guardsFormulas: false)
        let ballots = result.sheets.filter { !$0.scores.isEmpty }
        let year = result.cycle.planYear
        pb.record(["META"])
        pb.record(["key", "value"])
        var meta: [(String, String)] = [
            ("description", "Musrenbang \(result.kotaName) \(year) (\(result.cycle.name)): pagu \(result.unitName)"),
            ("country", "Indonesia"),
            ("unit", result.kotaName),
            ("subunit", result.unitName),
            ("instance", String(year)),
            ("num_projects", String(result.projects.count)),
            ("num_votes", String(ballots.count)),
            ("budget", String(result.budget)),
            ("vote_type", "scoring"),
            ("rule", "greedy"),
            ("min_points", "1"),
            ("max_points", "5"),
            ("currency", "IDR"),
            ("language", "id"),
            ("berita_acara", result.documentNumber),
            ("funded_total", String(result.fundedTotal)),
            ("comment", "Usulan diurutkan menurut peringkat musyawarah (skor berbobot kriteria, dapat diubah musyawarah dengan alasan); "
                + "didanai bila biayanya muat dalam sisa pagu dan porsi kelompoknya, jika tidak dilewati (F2). "
                + "Setiap pemilih adalah satu kriteria penilaian musyawarah; poin adalah nilai 1-5 usulan pada kriteria itu."),
        ]
        if let day = result.meetingDate {
            let date = "\(two(day.day)).\(two(day.month)).\(day.year)"
            meta += [("date_begin", date), ("date_end", date)]
        }
        for (key, value) in meta { pb.record([key, oneLine(value)]) }
        pb.record(["PROJECTS"])
        pb.record(["project_id", "cost", "category", "name", "score", "selected", "rank"])
        for project in result.projects {
            pb.text(project.trackingCode)
            pb.number(project.cost)
            pb.text(oneLine(project.bidang).replacingOccurrences(of: ",", with: " /"))
            pb.text(oneLine(project.title))
            pb.text(project.scoreMillis.map(decimal) ?? "None")
            pb.number(project.funded ? 1 : 0)
            pb.text(project.rank.map(String.init) ?? "None")
            pb.endRecord()
        }
        pb.record(["VOTES"])
        pb.record(["voter_id", "vote", "points", "criterion", "weight"])
        for sheet in ballots {
            pb.text(sheet.code.replacingOccurrences(of: ",", with: "_"))
            pb.text(sheet.scores.map(\.trackingCode).joined(separator: ","))
            pb.text(sheet.scores.map { String($0.score) }.joined(separator: ","))
            pb.text(oneLine(sheet.name))
            pb.number(Int64(sheet.weight))
            pb.endRecord()
        }
        return pb.take()
    }

    /// Thousandths as a decimal: 3250 -> "3.250".
    static func decimal(_ millis: Int64) -> String {
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Line breaks as spaces: the Pabulib readers split the file into lines before its fields.
    private static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Lower-case ASCII letters and digits joined by dashes: "Kelurahan Pondok Karya" -> "kelurahan-pondok-karya".
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "musrenbang" : slug
    }
}
