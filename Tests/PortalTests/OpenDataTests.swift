import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage
import Testing
import TestSupport

/// The open data exports (`/data`, docs/open-data.md): the published proposals as CSV (read back with a strict RFC 4180
/// parser against the database) and JSON (against the schema in the document), the ceilings, the ratified list as
/// Tabel T-D.4 and SIPD's list, the Pabulib files (parsed by pabutools), and no unpublished or personal byte anywhere.
@Suite("Open data exports (/data)")
struct OpenDataTests {
    /// A city at the Musrenbang kota of "Musrenbang 2027" (22 December 2026): Ani's proposal rejected by the kelurahan
    /// with a reason, a paper form whose texts hold separators, quotes, line breaks and a formula, a ratified proposal;
    /// and what must not be public: Ani's draft, and her proposal in "Musrenbang 2028", whose kecamatan stage has not
    /// opened. Ani has a NIK, a phone number and an e-mail address.
    struct City {
        let world: PortalWorld
        let scene: VerifierScene
        let decided: Proposal
        let tricky: Proposal
        let ratified: Proposal
        let draft: Proposal
        let nextCycle: Proposal

        static let trickyTitle = "=HYPERLINK(\"x\"); jalan \"Gang Mawar\""
        static let trickyProblem = "Baris satu;\r\nbaris \"dua\", tiga\nbaris empat é 🌧"
        static let trickyLocation = "-Gang Melati, RT 01"

        init() throws {
            world = try PortalWorld()
            scene = try world.verifiers()
            let residents = scene.residents, service = world.service
            let next = try world.database.write { db in
                let kota: Int64 = try db.scalar("SELECT id FROM kota LIMIT 1") ?? 0
                let d = 86_400.0, start = WIBTime.date(year: 2026, month: 12, day: 1)
                let windows = Stage.allCases.enumerated().map { index, stage in
                    StageWindow(stage: stage, opensAt: start.addingTimeInterval(Double(index) * 60 * d),
                                closesAt: start.addingTimeInterval(Double(index + 1) * 60 * d))
                }
                return try CycleRepository(db).insert(kotaId: KotaID(kota), planYear: 2028, budgetYear: 2029, name: "Musrenbang 2028",
                                                      windows: windows, at: start)
            }
            nextCycle = try residents.propose("Usulan siklus depan Gang Kenanga", by: residents.ani, cycleId: next.id)
            draft = try residents.draft("Lampu rahasia Gang Kenanga", by: residents.ani)
            decided = try PublicProposalTests.decided(residents)
            let paper = try scene.paperForm("Saluran sementara")
            try world.database.write { db in
                try db.execute("UPDATE proposals SET title = ?, problem = ?, location_text = ? WHERE id = ?",
                               [Self.trickyTitle, Self.trickyProblem, Self.trickyLocation, paper.id.rawValue])
            }
            tricky = paper
            let funded = try RatificationTests.funded(scene, "Paving Gang Melati")
            ratified = try service.apply(.tetapkan, to: .id(funded.id), by: scene.bappeda, expectedVersion: funded.version)
        }

        /// The published proposals as stored, by tracking code: cycle 2027 out of the draft.
        func published() throws -> [String: Row] {
            try world.database.read { db in
                var rows: [String: Row] = [:]
                try db.forEachRow("""
                    SELECT p.*, c.plan_year FROM proposals p JOIN cycles c ON c.id = p.cycle_id
                    WHERE c.plan_year = 2027 AND NOT (p.stage = 'pra_musrenbang' AND p.status = 'draft')
                    """) { row in rows[try row.get("tracking_code")] = row }
                return rows
            }
        }
    }

    /// A text as the CSV carries it: a leading formula character gets a `'`.
    static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func csv(_ page: TestBrowser.Page, separator: Character = ";") throws -> [[String]] {
        try StrictCSV.parse(page.bytes, separator: UInt8(ascii: separator.unicodeScalars.first!))
    }

    // MARK: usulan.csv

    @Test func theProposalsCSVRoundTripsAgainstTheDatabase() throws {
        let city = try City()
        let page = try city.world.browser().get("/data/usulan.csv")
        #expect(page.status == 200)
        #expect(page.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(page.headers["Content-Disposition"] == "attachment; filename=\"usulan-musrenbang.csv\"")
        #expect(page.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let records = try Self.csv(page)
        #expect(records.first == ProposalColumns.all.map(\.name))
        let header = records[0]
        func field(_ record: [String], _ name: String) -> String? { header.firstIndex(of: name).map { record[$0] } }
        let stored = try city.published()
        #expect(stored.count == 3)
        #expect(records.count == stored.count + 1)
        for record in records.dropFirst() {
            let row = try #require(stored[field(record, "kode_usulan") ?? ""])
            func text(_ column: String) throws -> String { Self.guarded(try row.get(column)) }
            func number(_ column: String) throws -> String { String(try row.get(column, as: Int64.self)) }
            #expect(field(record, "tahun_siklus") == "2027")
            #expect(field(record, "kecamatan") == "Ciputat Timur" && field(record, "kelurahan") == "Pondok Karya")
            #expect(field(record, "rw") == "1" && field(record, "rt") == "1")
            #expect(field(record, "judul") == (try text("title")))
            #expect(field(record, "permasalahan") == (try text("problem")))
            #expect(field(record, "lokasi") == (try text("location_text")))
            #expect(field(record, "volume") == (try number("volume")))
            #expect(field(record, "satuan") == (try text("satuan")))
            #expect(field(record, "harga_satuan") == (try number("unit_price")))
            #expect(field(record, "biaya_usulan") == (try number("cost")))
            #expect(field(record, "biaya_berlaku") == (try number("effective_cost")))
            let state = "\(try row.get("stage", as: String.self)):\(try row.get("status", as: String.self))"
            #expect(field(record, "kode_status") == state)
            #expect(field(record, "didanai") == (state == "kota:ditetapkan" ? "ya" : "tidak"))
        }
        // The texts with separators, quotes, line breaks and a formula, exactly (the formula guarded).
        let tricky = try #require(records.first { $0[0] == city.tricky.trackingCode.description })
        #expect(field(tricky, "judul") == "'" + City.trickyTitle)
        #expect(field(tricky, "permasalahan") == City.trickyProblem)
        #expect(field(tricky, "lokasi") == "'" + City.trickyLocation)
        // The decision's reason, the stage reached, the envelope and the OPD.
        let decided = try #require(records.first { $0[0] == city.decided.trackingCode.description })
        #expect(field(decided, "alasan_terakhir") == "Sudah dianggarkan dinas tahun ini.")
        #expect(field(decided, "status") == "Ditolak di Musrenbang kelurahan" && field(decided, "tahap") == "Musrenbang kelurahan")
        #expect(field(decided, "pagu") == "" && field(decided, "perangkat_daerah") == "DPUPR")
        let ratified = try #require(records.first { $0[0] == city.ratified.trackingCode.description })
        #expect(field(ratified, "status") == "Ditetapkan dalam RKPD" && field(ratified, "pagu") == "Pagu Perangkat Daerah DPUPR")
    }

    @Test func aCommaOnRequestAndOneCycleByItsYear() throws {
        let city = try City()
        let browser = city.world.browser()
        let semicolon = try Self.csv(try browser.get("/data/usulan.csv"))
        let comma = try browser.get("/data/usulan.csv?sep=,")
        #expect(try Self.csv(comma, separator: ",") == semicolon)
        let year = try browser.get("/data/usulan.csv?siklus=2027")
        #expect(year.headers["Content-Disposition"] == "attachment; filename=\"usulan-musrenbang-2027.csv\"")
        #expect(try Self.csv(year) == semicolon)
        // A cycle not published yet, a year without a cycle, not a year: the same 404 page.
        for target in ["/data/usulan.csv?siklus=2028", "/data/usulan.csv?siklus=1999", "/data/usulan.json?siklus=dua",
                       "/data/tabel-td4.csv?siklus=2028"] {
            let missing = try browser.get(target)
            #expect(missing.status == 404 && missing.body.contains("Siklus tidak ditemukan"), "\(target)")
        }
    }

    @Test func theExportStreamsPageByPage() throws {
        let city = try City()
        let request = try HTTPRequest(method: .get, target: "/data/usulan.csv", headers: ["Host": "portal.test"], body: .empty,
                                      remoteAddress: "10.0.0.9:1")
        guard case .stream = try city.world.router.respond(to: request).body else {
            Issue.record("/data/usulan.csv is not a streamed body")
            return
        }
        // Pages of two, in id order, add up to the one read of everything.
        let service = city.world.service
        let cycles = try service.publishedCycles()
        #expect(cycles.map(\.planYear) == [2027])
        var pages: [[OpenDataProposal]] = []
        try service.forEachPublishedProposalPage(of: cycles, pageSize: 2) { pages.append($0) }
        var whole: [OpenDataProposal] = []
        try service.forEachPublishedProposalPage(of: cycles, pageSize: 100) { whole += $0 }
        #expect(pages.map(\.count) == [2, 1])
        #expect(pages.flatMap { $0 } == whole && whole.map(\.id) == whole.map(\.id).sorted())
    }

    // MARK: usulan.json

    /// The fields of docs/open-data.md's table: name and type.
    static func documentedFields() throws -> [(name: String, type: String)] {
        let doc = try String(contentsOfFile: PortalWorld.migrations + "/../docs/open-data.md", encoding: .utf8)
        let start = try #require(doc.range(of: "| field | type | meaning |"))
        return doc[start.upperBound...].split(separator: "\n").dropFirst().prefix { $0.hasPrefix("| `") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[1])
        }
    }

    @Test func theJSONParsesAndMatchesTheDocumentedSchema() throws {
        let city = try City()
        let fields = try Self.documentedFields()
        #expect(fields.map(\.name) == ProposalColumns.all.map(\.name))
        let page = try city.world.browser().get("/data/usulan.json")
        #expect(page.status == 200 && page.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(page.headers["Content-Disposition"] == "attachment; filename=\"usulan-musrenbang.json\"")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(page.bytes)) as? [String: Any])
        #expect(Set(document.keys) == ["format", "versi", "dibuat", "tahun_siklus", "lisensi", "usulan"])
        #expect(document["format"] as? String == "e-musrenbang/usulan" && document["tahun_siklus"] is NSNull)
        let proposals = try #require(document["usulan"] as? [[String: Any]])
        let stored = try city.published()
        #expect(proposals.count == stored.count)
        // The raw text of each value tells JSON's types apart (JSONSerialization bridges numbers and booleans alike).
        let raw = String(decoding: page.bytes, as: UTF8.self)
        for proposal in proposals {
            #expect(Set(proposal.keys) == Set(fields.map(\.name)))
            let code = try #require(proposal["kode_usulan"] as? String)
            let row = try #require(stored[code])
            for (name, type) in fields {
                let value = proposal[name]
                switch type {
                case "string": #expect(value is String, "\(name)")
                case "string or null": #expect(value is String || value is NSNull, "\(name)")
                case "integer", "integer or null":
                    if value is NSNull { #expect(type == "integer or null", "\(name)") } else {
                        #expect(value is NSNumber && !(value is String), "\(name)")
                    }
                case "boolean": #expect(value is NSNumber, "\(name)")
                default: Issue.record("undocumented type \(type) of \(name)")
                }
            }
            #expect(proposal["judul"] as? String == (try row.get("title")))
            #expect(proposal["permasalahan"] as? String == (try row.get("problem")))
            #expect((proposal["biaya_berlaku"] as? NSNumber)?.int64Value == (try row.get("effective_cost")))
            let funded = code == city.ratified.trackingCode.description
            #expect(raw.contains("\"kode_usulan\":\"\(code)\"") && raw.range(of: "\"didanai\":\(funded)") != nil)
        }
        let tricky = try #require(proposals.first { $0["kode_usulan"] as? String == city.tricky.trackingCode.description })
        #expect(tricky["judul"] as? String == City.trickyTitle && tricky["permasalahan"] as? String == City.trickyProblem)
    }

    // MARK: Visibility

    @Test func noPersonalOrUnpublishedByteInAnyExport() throws {
        let city = try City()
        let visitor = city.world.browser()
        let index = try visitor.get("/data")
        #expect(index.status == 200)
        var targets = ["/data", "/data/usulan.csv", "/data/usulan.csv?sep=,", "/data/usulan.json", "/data/usulan.json?siklus=2027",
                       "/data/pagu.csv", "/data/pagu.csv?siklus=2028", "/data/tabel-td4.csv", "/data/sipd-usulan.csv"]
        // Every Pabulib file the page links.
        var rest = index.body[...]
        while let range = rest.range(of: "href=\"/data/pabulib/") {
            let name = rest[range.upperBound...].prefix { $0 != "\"" }
            targets.append("/data/pabulib/\(name)")
            rest = rest[range.upperBound...]
        }
        let secrets = [ResidentScene.aniNIK, ResidentScene.aniPhone, ResidentScene.aniEmail, "Ani Rahmawati", "Pak Harun", "Bu Sri",
                       "Budi Operator", "Pak Joko", "Siti <Aminah>", "Siti &lt;Aminah&gt;",
                       "Lampu rahasia", "Usulan siklus depan", city.draft.trackingCode.description, city.nextCycle.trackingCode.description]
        var seen = 0
        for target in targets {
            let page = try visitor.get(target)
            #expect(page.status == 200, "\(target)")
            let bytes = String(decoding: page.bytes, as: UTF8.self) + page.headers.values("Content-Disposition").joined()
            for secret in secrets { #expect(!bytes.contains(secret), "\(secret) in \(target)") }
            if bytes.contains(city.decided.trackingCode.description) { seen += 1 }
        }
        // The published proposals are there (not a test that passes on empty files).
        #expect(seen >= 4)
    }

    // MARK: pagu.csv

    @Test func everyCeilingWithItsInputsPartsSumAndUse() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let browser = world.browser()
        func records() throws -> [String: [String: String]] {
            let page = try browser.get("/data/pagu.csv")
            #expect(page.status == 200 && page.headers["Content-Disposition"] == "attachment; filename=\"pagu-musrenbang.csv\"")
            let rows = try Self.csv(page)
            #expect(rows.first == CeilingCSV.header)
            return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { row in
                ("\(row[1]) \(row[2])", Dictionary(uniqueKeysWithValues: zip(rows[0], row).map { ($0, $1) }))
            })
        }
        var rows = try records()
        #expect(Set(rows.keys) == ["kelurahan Pondok Karya", "kelurahan Cempaka Putih", "kecamatan Ciputat Timur", "perangkat_daerah DPUPR"])
        let pondokKarya = try #require(rows["kelurahan Pondok Karya"])
        #expect(pondokKarya["kecamatan"] == "Ciputat Timur" && pondokKarya["penduduk"] == "1000" && pondokKarya["luas_m2"] == "100")
        #expect(pondokKarya["total_pagu_tingkat"] == "20000000" && pondokKarya["porsi_dasar_persen"] == "50")
        #expect(pondokKarya["bobot_penduduk"] == "1" && pondokKarya["satuan_pembulatan"] == "1000000")
        #expect(pondokKarya["bagian_dasar"] == "5000000" && pondokKarya["bagian_penduduk"] == "5000000")
        #expect(pondokKarya["jumlah_bagian"] == "10000000" && pondokKarya["penyesuaian_pembulatan"] == "0" && pondokKarya["pagu"] == "10000000")
        let kelurahanSum = rows.values.filter { $0["tingkat"] == "kelurahan" }.compactMap { Int64($0["pagu"] ?? "") }.reduce(0, +)
        #expect(kelurahanSum == 20_000_000)
        for row in rows.values {
            #expect(Int64(row["pagu"] ?? "") == (Int64(row["jumlah_bagian"] ?? "") ?? 0) + (Int64(row["penyesuaian_pembulatan"] ?? "") ?? 0)
                    || row["tingkat"] == "perangkat_daerah")
        }
        #expect(rows["kecamatan Ciputat Timur"]?["penduduk"] == "2000")
        #expect(rows["perangkat_daerah DPUPR"]?["pagu"] == "10000000" && rows["perangkat_daerah DPUPR"]?["penduduk"] == "")
        // What the kelurahan funds is not public until the kecamatan Musrenbang opens.
        let runId = try scene.rankAndRun()
        try world.service.lockLevel(.kelurahan(world.kelurahan), cycleId: scene.cycleId, runId: runId, documentNumber: "BA/1", by: scene.lurah)
        #expect(try records()["kelurahan Pondok Karya"]?["terpakai"] == "")
        world.clock.set(MeetingScene.insideKecamatan)
        rows = try records()
        #expect(rows["kelurahan Pondok Karya"]?["terpakai"] == "9000000" && rows["kelurahan Pondok Karya"]?["sisa"] == "1000000")
        #expect(rows["kelurahan Cempaka Putih"]?["terpakai"] == "0" && rows["kecamatan Ciputat Timur"]?["terpakai"] == "")
    }

    /// `/data/pagu.csv` and `/pagu` read the ceilings through the one engine read (`ceilingReport`): hidden together
    /// before the cycle's pra-Musrenbang opens, then the same amounts in both.
    @Test func theCeilingExportAndTheCeilingPageBecomePublicTogether() throws {
        let world = try PortalWorld()
        _ = try MeetingScene(world)
        let browser = world.browser()
        let opens = try #require(try world.service.cycles().first { $0.planYear == 2027 }?.windows[.praMusrenbang]).opensAt
        func export() throws -> [[String]] {
            let page = try browser.get("/data/pagu.csv?siklus=2027")
            #expect(page.status == 200)
            return try Self.csv(page)
        }
        world.clock.set(opens.addingTimeInterval(-60))
        #expect(try export() == [CeilingCSV.header])
        let hidden = try browser.get("/pagu")
        #expect(hidden.body.contains("Pagu belum diumumkan") && !hidden.body.contains("Pondok Karya"))

        world.clock.set(opens)
        let rows = try export().dropFirst()
        #expect(rows.count == 4)
        let city = try browser.get("/pagu").body, kecamatan = try browser.get("/pagu?kecamatan=\(world.kecamatan.rawValue)").body
        #expect(!city.contains("Pagu belum diumumkan"))
        for row in rows where row[1] != "perangkat_daerah" {
            // The ceiling in the area's row of its computation: a kecamatan's on the city's page, a kelurahan's on its kecamatan's.
            let caption = row[1] == "kecamatan" ? "Perhitungan pagu setiap kecamatan" : "Perhitungan pagu setiap kelurahan di Kecamatan \(row[3])"
            let page = row[1] == "kecamatan" ? city : kecamatan
            let table = try #require(page.range(of: "<caption>\(caption) ").map { String(page[$0.lowerBound...]) }, "\(caption)")
            let cells = try #require(HTMLTables.rows(table.components(separatedBy: "</table>")[0]).first { $0.header == row[2] }?.cells, "\(row[2])")
            // Base part, four criteria, their sum, exact, rounded down, bonus, then the ceiling.
            let ceiling = try #require(Int64(row[22]))
            #expect(cells.count >= 10 && cells[9] == Rupiah.format(ceiling), "\(row[2]): \(cells)")
        }
    }

    // MARK: Pabulib

    /// pabutools' reading of a `.pb` file, as JSON: budget, projects, ballots, the selected projects and their costs.
    static let pabutoolsScript = """
        import json, sys
        from pabutools.election import parse_pabulib
        instance, profile = parse_pabulib(sys.argv[1])
        selected = [p for p in instance if instance.project_meta[p].get("selected") == "1"]
        print(json.dumps({
            "budget": str(instance.budget_limit), "vote_type": instance.meta["vote_type"], "projects": len(instance),
            "ballots": len(profile), "selected": sorted(p.name for p in selected), "selected_cost": str(sum(p.cost for p in selected)),
            "categories": sorted(c for p in instance for c in p.categories), "funded_total": instance.meta.get("funded_total"),
            "points": {b.meta["voter_id"]: {p.name: str(s) for p, s in b.items()} for b in profile}}))
        """

    /// Runs pabutools on `bytes` written to a file; fails (never skips) when python3 or pabutools is missing.
    static func pabutools(_ bytes: [UInt8]) throws -> [String: Any] {
        let path = NSTemporaryDirectory() + "envelope-\(UUID().uuidString).pb"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", pabutoolsScript, path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0,
                     "pabutools could not read the file (install it: python3 -m pip install pabutools): \(err)")
        return try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
    }

    @Test func pabulibFileParsesWithPabutools() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let runId = try scene.rankAndRun()
        let details = BeritaAcaraDetails(meetingDate: try #require(MeetingDate(text: "2026-12-08")), place: "Aula Kelurahan",
                                         chair: "H. Ahmad Lurah", delegates: [Delegate(name: "Siti Aminah", gender: .perempuan)])
        try world.service.signBeritaAcara(.kelurahan(world.kelurahan), cycleId: scene.cycleId, runId: runId, documentNumber: "050/01/BA-MUS/2027",
                                          details: details, by: scene.lurah)
        let path = "/data/pabulib/2027-kelurahan-\(world.kelurahan.rawValue).pb"
        let browser = world.browser()
        // Until the kecamatan Musrenbang opens the kelurahan's results are not public: no file, not listed.
        #expect(try browser.get(path).status == 404)
        #expect(!(try browser.get("/data").body.contains(path)))
        world.clock.set(MeetingScene.insideKecamatan)
        #expect(try browser.get("/data").body.contains("href=\"\(path)\""))
        let page = try browser.get(path)
        #expect(page.status == 200)
        #expect(page.headers["Content-Disposition"] == "attachment; filename=\"indonesia_kota-tangerang-selatan_2027_kelurahan-pondok-karya.pb\"")
        let text = String(decoding: page.bytes, as: UTF8.self)
        #expect(text.hasPrefix("META\nkey;value\ndescription;") && text.contains("\nvote_type;scoring\n") && text.contains("\nbudget;10000000\n"))
        #expect(text.contains("\ndate_begin;08.12.2026\n") && !text.contains("Akun lurah") && !text.contains("Pak Harun"))
        let parsed = try Self.pabutools(page.bytes)
        let run = try #require(try world.database.read { db in try AllocationRepository(db).run(id: runId) })
        let used = try world.service.ceilingUsage(cycleId: scene.cycleId, level: .kelurahan, viewer: .public)
            .first { $0.envelope == .kelurahan(world.kelurahan) }?.used
        #expect(parsed["budget"] as? String == "10000000" && parsed["vote_type"] as? String == "scoring")
        #expect(parsed["projects"] as? Int == 3 && parsed["ballots"] as? Int == 2)
        #expect(parsed["selected"] as? [String] == [scene.a, scene.b].map(\.trackingCode.description).sorted())
        // The selected projects' costs add up to the envelope's funded total: the run's, and what the ceilings count.
        #expect(parsed["selected_cost"] as? String == String(run.fundedTotal) && run.fundedTotal == 9_000_000 && used == run.fundedTotal)
        #expect(parsed["categories"] as? [String] == ["Fisik dan Prasarana", "Fisik dan Prasarana", "Fisik dan Prasarana"])
        let points = try #require(parsed["points"] as? [String: [String: String]])
        #expect(Set(points.keys) == ["urgensi", "manfaat"])
        #expect(points["urgensi"]?[scene.a.trackingCode.description] == "5" && points["manfaat"]?[scene.c.trackingCode.description] == "3")
        // The weighted score and the rank of each project.
        #expect(text.contains("\n\(scene.a.trackingCode);4000000;Fisik dan Prasarana;Jalan Gang Mawar;5.000;1;1\n"))
        #expect(text.contains("\n\(scene.c.trackingCode);3000000;Fisik dan Prasarana;Paving Gang Melati;3.000;0;3\n"))
        // Another envelope (not signed), an unknown one, a name not of this form: the same 404.
        for other in ["/data/pabulib/2027-kelurahan-\(scene.otherKelurahan.rawValue).pb", "/data/pabulib/2027-opd-999.pb",
                      "/data/pabulib/2026-kelurahan-\(world.kelurahan.rawValue).pb", "/data/pabulib/2027-kota-1.pb",
                      "/data/pabulib/2027-kelurahan-01.pb", "/data/pabulib/semua.pb"] {
            #expect(try browser.get(other).status == 404, "\(other)")
        }
    }

    // MARK: Ratified list

    @Test func theRatifiedListAsTableTD4AndForSIPD() throws {
        let city = try City()
        let scene = city.scene, service = city.world.service
        // A second ratified proposal of the same OPD, ranked higher at the OPD forum.
        let second = try RatificationTests.funded(scene, "Jalan Gang Anggrek")
        try city.world.database.write { db in
            try db.execute("INSERT INTO proposal_rankings (proposal_id, level, score_millis, rank) VALUES (?, 'opd', 4500, 1)",
                           [second.id.rawValue])
        }
        _ = try service.apply(.tetapkan, to: .id(second.id), by: scene.bappeda, expectedVersion: second.version)
        let browser = city.world.browser()
        let table = try browser.get("/data/tabel-td4.csv")
        #expect(table.status == 200 && table.headers["Content-Disposition"] == "attachment; filename=\"tabel-td4-musrenbang-2027.csv\"")
        let td4 = try Self.csv(table)
        #expect(td4 == [
            RatifiedListCSV.Kind.tableTD4.header,
            ["1", "Perbaikan jalan lingkungan", "Gang Mawar, Kel. Pondok Karya", "120 meter", "42000000", "DPUPR",
             second.trackingCode.description, "Jalan Gang Anggrek"],
            ["2", "Perbaikan jalan lingkungan", "Gang Mawar, Kel. Pondok Karya", "120 meter", "42000000", "DPUPR",
             city.ratified.trackingCode.description, "Paving Gang Melati"],
        ])
        let sipd = try Self.csv(try browser.get("/data/sipd-usulan.csv?siklus=2027&sep=,"), separator: ",")
        #expect(sipd.first == RatifiedListCSV.Kind.sipd.header)
        #expect(sipd.dropFirst().first == [second.trackingCode.description, "Warga RT 01/RW 01 Kel. Pondok Karya", "Fisik dan Prasarana",
                                           "Perbaikan jalan lingkungan", "Jalan Gang Anggrek", "Jalan berlubang, tergenang saat hujan.",
                                           "Gang Mawar, Kel. Pondok Karya", "DPUPR", "120", "meter", "42000000"])
        #expect(sipd.count == 3)
    }

    // MARK: Through the real server

    /// `curl` of `path` on `portal`: the answer's head as sent and its body (de-chunked by curl).
    static func curl(_ portal: ServedPortal, _ path: String) throws -> (head: String, body: [UInt8]) {
        let directory = NSTemporaryDirectory() + "curl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-sS", "--max-time", "120", "-D", directory + "/head", "-o", directory + "/body", portal.url(path)]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "curl \(path) failed")
        return (try String(contentsOfFile: directory + "/head", encoding: .utf8),
                [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/body"))))
    }

    @Test func theServedDemoCityStreamsItsExportsOverHTTP() throws {
        let portal = try ServedPortal.start(demo: true, timeout: 600)
        defer { _ = portal.stop() }
        let csv = try Self.curl(portal, "/data/usulan.csv")
        #expect(csv.head.hasPrefix("HTTP/1.1 200") && csv.head.lowercased().contains("transfer-encoding: chunked"))
        let records = try StrictCSV.parse(csv.body)
        let database = try Database(path: (portal.directory as NSString).appendingPathComponent("portal.sqlite"))
        let published: Int = try database.read { db in
            try db.scalar("""
                SELECT count(*) FROM proposals p JOIN stage_windows w ON w.cycle_id = p.cycle_id AND w.stage = 'kecamatan'
                WHERE w.opens_at <= ? AND NOT (p.stage = 'pra_musrenbang' AND p.status = 'draft')
                """, [WIBTime.iso8601(Date())]) ?? 0
        }
        #expect(published > 100 && records.count == published + 1)
        let json = try Self.curl(portal, "/data/usulan.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.body)) as? [String: Any])
        #expect((document["usulan"] as? [Any])?.count == published)
        // Every Pabulib file of the demo's finished cycle reads with pabutools, its selected costs adding up to its funded total.
        let index = String(decoding: try Self.curl(portal, "/data").body, as: UTF8.self)
        let links = index.components(separatedBy: "href=\"/data/pabulib/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!links.isEmpty)
        for link in links.prefix(3) {
            let parsed = try Self.pabutools(try Self.curl(portal, "/data/pabulib/\(link)").body)
            #expect(parsed["selected_cost"] as? String == parsed["funded_total"] as? String, "\(link)")
        }
    }
}
