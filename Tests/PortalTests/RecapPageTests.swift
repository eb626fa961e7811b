import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Musrenbang
@testable import Portal
import Storage
import Testing
import TestSupport

/// The recap (`/rekap`, its printable version, Bappeda's `/kerja/rekap`) and the ceiling page (`/pagu`) on the demo
/// city: every figure checked against sums the test computes from the database itself, unpublished results only for
/// Bappeda, the charts as well-formed SVG beside their tables, no personal data, names escaped.
@Suite("The recap and ceiling pages", .serialized)
struct RecapPageTests {
    static let notDraft = "NOT (p.stage = 'pra_musrenbang' AND p.status = 'draft')"
    static let funded = "p.status IN ('didanai', 'ditetapkan')"

    static func count(_ value: Int64) -> String { Rupiah.groupDigits(UInt64(value)) }

    /// Per group of `column` (kecamatan, kelurahan, bidang, OPD): name, count, proposed, in force, funded count and cost.
    static func expected(_ demo: DemoPortal, cycle: CycleID, by table: String, column: String, name: String = "name",
                         kecamatan: Int64? = nil) throws -> [(name: String, values: [Int64])] {
        let narrowed = kecamatan.map { " AND p.kecamatan_id = \($0)" } ?? ""
        return try demo.database.read { db in
            try db.query("""
                SELECT t.\(name) AS name, count(*) AS n, sum(p.cost) AS cost, sum(p.effective_cost) AS effective,
                    sum(CASE WHEN \(funded) THEN 1 ELSE 0 END) AS fn, sum(CASE WHEN \(funded) THEN p.effective_cost ELSE 0 END) AS fc
                FROM proposals p JOIN \(table) t ON t.id = p.\(column)
                WHERE p.cycle_id = ? AND \(notDraft)\(narrowed) GROUP BY t.id
                """, [cycle.rawValue]).map { row in
                (try row.get("name"), [try row.get("n"), try row.get("cost"), try row.get("effective"), try row.get("fn"), try row.get("fc")])
            }
        }
    }

    /// The cells `rowsTable` writes for a group: count, proposed, in force, funded count, funded cost.
    static func cells(_ values: [Int64]) -> [String] {
        [count(values[0]), Rupiah.format(values[1]), Rupiah.format(values[2]), count(values[3]), Rupiah.format(values[4])]
    }

    static func scalar(_ demo: DemoPortal, _ sql: String, _ arguments: StatementArguments = []) throws -> Int64 {
        try demo.database.read { db in try db.scalar(sql, arguments) ?? 0 }
    }

    static func kecamatanList(_ demo: DemoPortal) throws -> [Kecamatan] {
        try demo.database.read { db in try WilayahRepository(db).kecamatanList(kotaId: try demo.cycle(budgetYear: 2028).kotaId) }
    }

    @Test func everyFigureOfThePublicRecapEqualsTheDatabase() throws {
        let demo = try DemoPortal()
        let cycle = try demo.cycle(budgetYear: 2028), previous = try demo.cycle(budgetYear: 2027)
        let id = cycle.id.rawValue
        let page = try demo.browser().get("/rekap?siklus=\(id)")
        #expect(page.status == 200)
        let body = page.body

        // Drafts exist and are never counted.
        let drafts = try Self.scalar(demo, "SELECT count(*) FROM proposals p WHERE p.cycle_id = ? AND NOT (\(Self.notDraft))", [id])
        #expect(drafts > 0)
        let total = try Self.scalar(demo, "SELECT count(*) FROM proposals p WHERE p.cycle_id = ? AND \(Self.notDraft)", [id])
        #expect(body.contains("<dt>Usulan</dt><dd>\(Self.count(total)) usulan</dd>"))

        // Per kecamatan, beside last cycle's unfunded proposals there and how many were carried into this cycle.
        let unfunded = "(p.status = 'ditolak' OR (p.stage IN ('kecamatan', 'opd') AND p.status = 'f2') OR p.status = 'tidak_ditetapkan')"
        let lastYear: [String: [Int64]] = try demo.database.read { db in
            var rows: [String: [Int64]] = [:]
            try db.forEachRow("""
                SELECT k.name, count(*), sum(p.effective_cost),
                    sum(EXISTS (SELECT 1 FROM proposals c WHERE c.carried_from_id = p.id AND c.cycle_id = ? AND NOT (c.stage = 'pra_musrenbang' AND c.status = 'draft')))
                FROM proposals p JOIN kecamatan k ON k.id = p.kecamatan_id WHERE p.cycle_id = ? AND \(unfunded) GROUP BY k.id
                """, [id, previous.id.rawValue]) { row in rows[try row.get(0)] = [try row.get(1), try row.get(2), try row.get(3)] }
            return rows
        }
        #expect(lastYear.values.contains { $0[2] > 0 })   // the demo carried some over
        let kecamatan = try Self.expected(demo, cycle: cycle.id, by: "kecamatan", column: "kecamatan_id")
        #expect(kecamatan.count == 7)
        for (name, values) in kecamatan {
            let last = lastYear[name] ?? [0, 0, 0]
            let row = HTMLTables.row(name, table: "Usulan per kecamatan", in: body)
            #expect(row == [Self.count(values[0]), Rupiah.format(values[2]), Self.count(values[3]), Rupiah.format(values[4]),
                            Self.count(last[0]), Rupiah.format(last[1]), Self.count(last[2])], "\(name)")
        }
        // Per kelurahan: every group on its kecamatan's recap, which the whole city's page links.
        let kelurahan = try Self.expected(demo, cycle: cycle.id, by: "kelurahan", column: "kelurahan_id")
        #expect(kelurahan.count == 54 && HTMLTables.table("Usulan per kelurahan", in: body) == nil)
        var kelurahanShown = 0
        for area in try Self.kecamatanList(demo) {
            let link = "/rekap?siklus=\(id)&amp;kecamatan=\(area.id.rawValue)#rekap-kelurahan"
            #expect(body.contains("<li><a href=\"\(link)\">Kecamatan \(HTML.escape(area.name))</a>"), "\(area.name)")
            let narrowed = try demo.browser().get("/rekap?siklus=\(id)&kecamatan=\(area.id.rawValue)").body
            for (name, values) in try Self.expected(demo, cycle: cycle.id, by: "kelurahan", column: "kelurahan_id", kecamatan: area.id.rawValue) {
                #expect(HTMLTables.row(name, table: "Usulan per kelurahan", in: narrowed) == Self.cells(values), "\(name)")
                kelurahanShown += 1
            }
        }
        #expect(kelurahanShown == kelurahan.count)
        for (name, values) in try Self.expected(demo, cycle: cycle.id, by: "opd", column: "opd_id", name: "short_name") {
            #expect(HTMLTables.row(name, table: "Usulan per perangkat daerah", in: body) == Self.cells(values), "\(name)")
        }
        // Per bidang with the shares of the whole.
        let sums = try demo.database.read { db in
            try db.queryOne("SELECT sum(p.effective_cost), sum(CASE WHEN \(Self.funded) THEN p.effective_cost ELSE 0 END) FROM proposals p WHERE p.cycle_id = ? AND \(Self.notDraft)", [id])!
        }
        let (allEffective, allFunded): (Int64, Int64) = (try sums.get(0), try sums.get(1))
        for (name, values) in try Self.expected(demo, cycle: cycle.id, by: "bidang", column: "bidang_id") {
            #expect(HTMLTables.row(name, table: "Usulan per bidang", in: body)
                    == [Self.count(values[0]), Rupiah.format(values[2]), Percent.text(values[2], of: allEffective), Self.count(values[3]),
                        Rupiah.format(values[4]), Percent.text(values[4], of: allFunded)], "\(name)")
        }
        // Per state, in words.
        try demo.database.read { db in
            try db.forEachRow("""
                SELECT p.stage, p.status, count(*), sum(p.cost), sum(p.effective_cost), sum(CASE WHEN \(Self.funded) THEN 1 ELSE 0 END),
                    sum(CASE WHEN \(Self.funded) THEN p.effective_cost ELSE 0 END)
                FROM proposals p WHERE p.cycle_id = ? AND \(Self.notDraft) GROUP BY p.stage, p.status
                """, [id]) { row in
                let state = ProposalState(try #require(Stage(rawValue: try row.get(0))), try #require(ProposalStatus(rawValue: try row.get(1))))
                let values: [Int64] = try (2...6).map { try row.get($0) }
                #expect(HTMLTables.row(StateWords.text(state), table: "Usulan per keadaan usulan", in: body) == Self.cells(values), "\(state)")
            }
        }

        // Accepted and rejected, and the most frequent reasons word for word.
        let rejected = try Self.scalar(demo, "SELECT count(*) FROM proposals p WHERE p.cycle_id = ? AND p.status IN ('ditolak', 'tidak_ditetapkan')", [id])
        #expect(HTMLTables.row("Ditolak", table: "Keputusan verifikasi atas usulan", in: body)?.first == Self.count(rejected))
        let reasons = try demo.database.read { db in
            try db.query("""
                SELECT note, count(*) AS n FROM proposal_events WHERE cycle_id = ? AND action IN ('tolak', 'tidak_tetapkan')
                GROUP BY note ORDER BY n DESC, note LIMIT 10
                """, [id]).map { (try $0.get("note") as String, try $0.get("n") as Int64) }
        }
        #expect(!reasons.isEmpty)
        let reasonTable = try #require(HTMLTables.table("Alasan penolakan yang paling sering", in: body))
        #expect(HTMLTables.rows(reasonTable).isEmpty)   // reasons are data cells, the table has no row headers
        for (reason, n) in reasons {
            #expect(reasonTable.contains("<tr><td>\(HTML.escape(reason))</td><td class=\"num\">\(Self.count(n))</td></tr>"), "\(reason)")
        }

        // F1 against F2 per level; F1 is what the level's envelopes fund (the ceiling tables' use).
        let f1f2: [(String, String, String)] = [
            ("Musrenbang kelurahan", "p.envelope_level = 'kelurahan' AND \(Self.funded)",
             "p.stage IN ('kecamatan', 'opd', 'kota') AND ifnull(p.envelope_level, '') <> 'kelurahan'"),
            ("Musrenbang kecamatan", "p.envelope_level = 'kecamatan' AND \(Self.funded)",
             "((p.stage = 'kecamatan' AND p.status IN ('f2', 'pokir')) OR p.stage = 'opd' OR (p.stage = 'kota' AND p.envelope_level = 'opd'))"),
            ("Forum perangkat daerah", "p.envelope_level = 'opd' AND \(Self.funded)", "p.stage = 'opd' AND p.status = 'f2'"),
        ]
        for (label, f1, f2) in f1f2 {
            let row = try demo.database.read { db in
                try db.queryOne("""
                    SELECT sum(CASE WHEN \(f1) THEN 1 ELSE 0 END), sum(CASE WHEN \(f1) THEN p.effective_cost ELSE 0 END),
                        sum(CASE WHEN \(f2) THEN 1 ELSE 0 END), sum(CASE WHEN \(f2) THEN p.effective_cost ELSE 0 END)
                    FROM proposals p WHERE p.cycle_id = ? AND \(Self.notDraft)
                    """, [id])!
            }
            let values: [Int64] = try (0...3).map { try row.get($0) }
            #expect(HTMLTables.row(label, table: "F1 dan F2 menurut tingkat musyawarah", in: body)
                    == [Self.count(values[0]), Rupiah.format(values[1]), Self.count(values[2]), Rupiah.format(values[3])], "\(label)")
        }

        // The funnel: submitted, accepted by the kelurahan, funded, ratified.
        let funnel = try demo.database.read { db in
            try db.queryOne("""
                SELECT count(*),
                    sum(p.stage <> 'pra_musrenbang' AND NOT (p.stage = 'kelurahan' AND p.status IN ('verifikasi', 'dikembalikan', 'ditolak'))),
                    sum(p.stage <> 'pra_musrenbang' AND NOT (p.stage = 'kelurahan' AND p.status IN ('verifikasi', 'dikembalikan', 'ditolak'))
                        AND (p.envelope_level IS NOT NULL OR (p.stage = 'kota' AND p.status = 'ditetapkan'))),
                    sum(p.stage = 'kota' AND p.status = 'ditetapkan')
                FROM proposals p WHERE p.cycle_id = ? AND \(Self.notDraft)
                """, [id])!
        }
        let steps: [Int64] = try (0...3).map { try funnel.get($0) }
        #expect(steps[0] == total && steps[1] < steps[0] && steps[2] < steps[1] && steps[2] > 0)
        for (label, value) in zip(["Diajukan", "Lolos verifikasi kelurahan", "Didanai pagu", "Ditetapkan dalam RKPD"], steps) {
            #expect(HTMLTables.row(label, table: "Alur usulan", in: body)?.first == Self.count(value), "\(label)")
        }

        // Every envelope's ceiling and use: the kelurahan's and kecamatan's results are public (the OPD forum has opened),
        // the OPD's use not before the kota Musrenbang. The kecamatan's on the whole city's page, each kelurahan's on its
        // kecamatan's recap.
        var narrowedPages: [Int64: String] = [:]
        for (level, table) in [("kelurahan", "kelurahan"), ("kecamatan", "kecamatan")] {
            try demo.database.read { db in
                try db.forEachRow("""
                    SELECT t.name, c.amount, (SELECT ifnull(sum(p.effective_cost), 0) FROM proposals p WHERE p.cycle_id = c.cycle_id
                        AND p.envelope_level = ? AND p.envelope_owner_id = c.\(table)_id AND \(Self.funded)),
                        \(level == "kelurahan" ? "t.kecamatan_id" : "t.id")
                    FROM \(table)_ceilings c JOIN \(table) t ON t.id = c.\(table)_id WHERE c.cycle_id = ?
                    """, [level, id]) { row in
                    let name: String = try row.get(0), amount: Int64 = try row.get(1), used: Int64 = try row.get(2), kecamatan: Int64 = try row.get(3)
                    let cells = [Rupiah.format(amount), Rupiah.format(used), Rupiah.format(amount - used), Percent.text(used, of: amount)]
                    if level == "kecamatan" {
                        #expect(HTMLTables.row(name, table: "Pagu kecamatan", in: body) == cells, "\(name)")
                    } else {
                        if narrowedPages[kecamatan] == nil {
                            narrowedPages[kecamatan] = try demo.browser().get("/rekap?siklus=\(id)&kecamatan=\(kecamatan)").body
                        }
                        #expect(HTMLTables.row("Kelurahan \(name)", table: "Pemakaian pagu per wilayah", in: narrowedPages[kecamatan] ?? "") == cells,
                                "\(name)")
                    }
                }
            }
        }
        #expect(HTMLTables.table("Pagu kelurahan", in: body) == nil && narrowedPages.count == 7)
        let opdRows = try #require(HTMLTables.table("Pagu perangkat daerah", in: body))
        let opds = HTMLTables.rows(opdRows).filter { $0.header != "Jumlah" }
        #expect(!opds.isEmpty && opds.allSatisfy { $0.cells.last == "Belum diumumkan" })
    }

    @Test func unpublishedResultsCountOnlyInBappedasRecap() throws {
        let demo = try DemoPortal()
        let cycle = try demo.cycle(budgetYear: 2028)
        let id = cycle.id.rawValue
        // Before the kecamatan Musrenbang opens nothing of this cycle is public.
        demo.clock.set(try #require(cycle.windows[.kecamatan]).opensAt.addingTimeInterval(-3600))
        let visitor = demo.browser()
        let hidden = try visitor.get("/rekap?siklus=\(id)")
        #expect(hidden.status == 200 && hidden.body.contains("Rekap belum diumumkan"))
        #expect(HTMLTables.table("Usulan per kecamatan", in: hidden.body) == nil && HTMLTables.svgs(in: hidden.body).isEmpty)
        for other in ["/rekap/cetak?siklus=\(id)", "/rekap?siklus=\(id)&kecamatan=1"] {
            #expect(try visitor.get(other).body.contains("Rekap belum diumumkan"), "\(other)")
        }
        // The finished cycle stays public, and the page points at it.
        let previous = try demo.cycle(budgetYear: 2027)
        #expect(hidden.body.contains("href=\"/rekap?siklus=\(previous.id.rawValue)\""))
        #expect(try visitor.get("/rekap?siklus=\(previous.id.rawValue)").body.contains("<caption>Usulan per kecamatan</caption>"))

        // Bappeda sees every submitted proposal, marked as not yet public; drafts still not.
        let bappeda = try demo.signedIn("bappeda")
        let early = try bappeda.get("/kerja/rekap?siklus=\(id)")
        #expect(early.status == 200 && early.body.contains("<strong>Belum diumumkan.</strong>"))
        let submitted = try Self.scalar(demo, "SELECT count(*) FROM proposals p WHERE p.cycle_id = ? AND \(Self.notDraft)", [id])
        #expect(early.body.contains("<dt>Usulan</dt><dd>\(Self.count(submitted)) usulan</dd>"))
        let ciputatTimur = try #require(try Self.kecamatanList(demo).first { $0.name == "Ciputat Timur" })
        let earlyKecamatan = try bappeda.get("/kerja/rekap?siklus=\(id)&kecamatan=\(ciputatTimur.id.rawValue)")
        #expect(earlyKecamatan.body.contains("<strong>Belum diumumkan.</strong>"))
        for (name, values) in try Self.expected(demo, cycle: cycle.id, by: "kelurahan", column: "kelurahan_id", kecamatan: ciputatTimur.id.rawValue) {
            #expect(HTMLTables.row(name, table: "Usulan per kelurahan", in: earlyKecamatan.body) == Self.cells(values), "\(name)")
        }
        let print = try bappeda.get("/kerja/rekap/cetak?siklus=\(id)")
        #expect(print.status == 200 && print.body.contains("<strong>Belum diumumkan.</strong>") && print.body.contains("Kembali ke rekap"))
        // Bappeda's own page, not the public one: others are refused or sent to sign in.
        #expect(try visitor.get("/kerja/rekap").location == "/masuk?kembali=/kerja/rekap")
        #expect(try demo.signedIn("camat.ciputat-timur").get("/kerja/rekap").status == 403)
        #expect(try bappeda.get("/rekap?siklus=\(id)").body.contains("Rekap belum diumumkan"))   // the public page reads as the public

        // From the opening the public sees the same figures (without the mark).
        demo.clock.set(try #require(cycle.windows[.kecamatan]).opensAt)
        let open = try visitor.get("/rekap?siklus=\(id)")
        #expect(open.body.contains("<dt>Usulan</dt><dd>\(Self.count(submitted)) usulan</dd>") && !open.body.contains("Belum diumumkan."))
        let narrowed = "?siklus=\(id)&kecamatan=\(ciputatTimur.id.rawValue)"
        let openKecamatan = try visitor.get("/rekap\(narrowed)"), later = try bappeda.get("/kerja/rekap\(narrowed)")
        let kelurahanTable = try #require(HTMLTables.table("Usulan per kelurahan", in: openKecamatan.body))
        #expect(kelurahanTable == HTMLTables.table("Usulan per kelurahan", in: later.body))
        #expect(HTMLTables.table("Usulan per kecamatan", in: open.body) == HTMLTables.table("Usulan per kecamatan", in: try bappeda.get("/kerja/rekap?siklus=\(id)").body))
    }

    @Test func aKecamatansRecapListsLastCyclesUnfundedProposals() throws {
        let demo = try DemoPortal()
        let cycle = try demo.cycle(budgetYear: 2028), previous = try demo.cycle(budgetYear: 2027)
        let kecamatan = try #require(try demo.database.read { db in try WilayahRepository(db).kecamatan(named: "Ciputat Timur") })
        let page = try demo.browser().get("/rekap?siklus=\(cycle.id.rawValue)&kecamatan=\(kecamatan.id.rawValue)")
        #expect(page.status == 200 && page.body.contains("<span class=\"subtitle\">Kecamatan Ciputat Timur</span>"))
        // Only its kelurahan, with their figures.
        let kelurahan = try Self.expected(demo, cycle: cycle.id, by: "kelurahan", column: "kelurahan_id", kecamatan: kecamatan.id.rawValue)
        let table = try #require(HTMLTables.table("Usulan per kelurahan", in: page.body))
        #expect(HTMLTables.rows(table).map(\.header).filter { $0 != "Jumlah" }.sorted() == kelurahan.map(\.name).sorted())
        for (name, values) in kelurahan { #expect(HTMLTables.row(name, table: "Usulan per kelurahan", in: page.body) == Self.cells(values)) }
        // Last cycle's unfunded proposals there, each with its code, its end and what it was carried into.
        let lines = try demo.database.read { db in
            try db.query("""
                SELECT p.tracking_code, p.effective_cost, c.tracking_code AS carried FROM proposals p
                LEFT JOIN proposals c ON c.carried_from_id = p.id AND c.cycle_id = ? AND NOT (c.stage = 'pra_musrenbang' AND c.status = 'draft')
                WHERE p.cycle_id = ? AND p.kecamatan_id = ?
                    AND (p.status = 'ditolak' OR (p.stage IN ('kecamatan', 'opd') AND p.status = 'f2') OR p.status = 'tidak_ditetapkan')
                """, [cycle.id.rawValue, previous.id.rawValue, kecamatan.id.rawValue])
        }
        #expect(!lines.isEmpty && lines.count <= CycleRecap.unfundedLineLimit)
        let list = try #require(HTMLTables.table("Usulan tak terdanai \(previous.name), Kecamatan Ciputat Timur", in: page.body))
        #expect(list.components(separatedBy: "<tr>").count - 2 == lines.count)
        for line in lines {
            let code: String = try line.get(0), carried: String? = try line.get("carried")
            #expect(list.contains("<a href=\"/usulan/\(code)\" class=\"code\">\(code)</a>"))
            if let carried { #expect(list.contains("<a href=\"/usulan/\(carried)\" class=\"code\">\(carried)</a>")) }
        }
        // An unknown cycle or kecamatan is not there.
        #expect(try demo.browser().get("/rekap?siklus=999").status == 404)
        #expect(try demo.browser().get("/rekap?siklus=\(cycle.id.rawValue)&kecamatan=999").status == 404)
    }

    @Test func chartsAreWellFormedSVGBesideTheirTablesWithoutPersonalData() throws {
        let demo = try DemoPortal()
        let cycle = try demo.cycle(budgetYear: 2028)
        let id = cycle.id.rawValue
        let visitor = demo.browser()
        let pages = [try visitor.get("/rekap"), try visitor.get("/rekap/cetak?siklus=\(id)"), try visitor.get("/rekap?siklus=\(id)&kecamatan=2"),
                     try visitor.get("/pagu"), try demo.signedIn("bappeda").get("/kerja/rekap")]
        #expect(pages.allSatisfy { $0.status == 200 })
        for page in pages.prefix(3) + [pages[4]] {
            let charts = HTMLTables.svgs(in: page.body)
            #expect(charts.count == 3)
            for svg in charts { try SVGCheck.wellFormed(svg) }
            // Each chart sits in a figure with the table of its numbers beside it.
            for pair in page.body.components(separatedBy: "<div class=\"chart-pair\">").dropFirst() {
                let block = pair.components(separatedBy: "</section>")[0]
                #expect(block.contains("<figure class=\"chart\"><svg") && block.contains("<table") && block.contains("<figcaption>"))
            }
        }
        #expect(pages[1].body.contains("Kembali ke rekap") && !pages[1].body.contains("class=\"filters recap-filters\""))
        #expect(pages[0].body.contains("<a href=\"/rekap/cetak?siklus=\(id)\">Cetak rekap</a>"))
        // No NIK, phone, e-mail or name of any resident or proposer, anywhere.
        let secrets: [String] = try demo.database.read { db in
            var values: [String] = []
            try db.forEachRow("SELECT nik, phone, email, display_name FROM accounts WHERE nik IS NOT NULL") { row in
                values += [try row.get(0), try row.get(1), try row.get(2), try row.get(3)].compactMap { $0 }
            }
            try db.forEachRow("SELECT DISTINCT proposer_name FROM proposals") { values.append(try $0.get(0)) }
            return values
        }
        #expect(secrets.count > 100)
        // Word by word (a NIK, a phone, an e-mail is one word; a name two or three in a row): one pass per page instead
        // of a substring search per secret.
        for page in pages {
            let words = page.body.split { !($0.isLetter || $0.isNumber || "@.+_-".contains($0)) }.map(String.init)
            var seen = Set(words + words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".-_")) })
            for n in 2...3 where words.count >= n {
                for start in 0...(words.count - n) { seen.insert(words[start..<start + n].joined(separator: " ")) }
            }
            for secret in secrets {
                #expect(!seen.contains(secret.split(separator: " ").joined(separator: " ")), "\(secret)")
            }
        }
    }

    @Test func namesAreEscapedInTablesAndCharts() throws {
        let demo = try DemoPortal()
        try demo.database.write { db in
            try db.execute("UPDATE kecamatan SET name = 'Ciputat <Timur> & \"Co''s\"' WHERE name = 'Ciputat Timur'")
            try db.execute("UPDATE bidang SET name = '<script>alert(''x'')</script> & Prasarana' WHERE id = 1")
            try db.execute("UPDATE opd SET short_name = 'D&<U>' WHERE id = 1")
        }
        for path in ["/rekap", "/rekap?kecamatan=1", "/pagu", "/rekap/cetak"] {
            let page = try demo.browser().get(path)
            #expect(page.status == 200, "\(path)")
            #expect(!page.body.contains("<script>") && !page.body.contains("<Timur>") && !page.body.contains("D&<U>"), "\(path)")
            for svg in HTMLTables.svgs(in: page.body) { try SVGCheck.wellFormed(svg) }
        }
        let page = try demo.browser().get("/rekap").body
        #expect(page.contains("Ciputat &lt;Timur&gt; &amp; &quot;Co&#39;s&quot;"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Prasarana"))
        let labels = HTMLTables.svgs(in: page).joined()
        #expect(labels.contains(">Ciputat &lt;Timur&gt; &amp; &quot;Co&#39;s&quot;</text>") && labels.contains("&lt;script&gt;alert"))
    }

    @Test func theCeilingPageShowsEveryPartOfTheFormula() throws {
        let demo = try DemoPortal()
        let cycle = try demo.cycle(budgetYear: 2028)
        let id = cycle.id.rawValue
        let page = try demo.browser().get("/pagu?siklus=\(id)")
        #expect(page.status == 200)
        let body = page.body
        /// Each kecamatan's page, read once, linked from the city's.
        final class KecamatanPages {
            let demo: DemoPortal, cycle: Int64, city: String
            var pages: [Int64: String] = [:]
            init(_ demo: DemoPortal, cycle: Int64, city: String) { self.demo = demo; self.cycle = cycle; self.city = city }
            func page(_ kecamatan: Int64) throws -> String {
                if let page = pages[kecamatan] { return page }
                let path = "/pagu?siklus=\(cycle)&kecamatan=\(kecamatan)"
                #expect(city.contains("href=\"\(path.replacingOccurrences(of: "&", with: "&amp;"))#pagu-kelurahan\""), "\(path) linked")
                let page = try demo.browser().get(path)
                #expect(page.status == 200)
                pages[kecamatan] = page.body
                return page.body
            }
        }
        let kecamatanPages = KecamatanPages(demo, cycle: id, city: body)
        for level in ["kelurahan", "kecamatan"] {
            let settings = try #require(try demo.database.read { db in
                try CeilingRepository(db).settings(cycleId: cycle.id, level: Level(rawValue: level)!)
            })
            #expect(body.contains("<dt>Total pagu \(level)</dt><dd>\(Rupiah.format(settings.total))</dd>"))
            let rows = try demo.database.read { db in
                try db.query("""
                    SELECT t.name, c.base_part, c.population_part, c.area_part, c.pbb_part, c.poor_part, c.rounded_down, c.remainder_bonus, c.amount,
                        (SELECT ifnull(sum(p.effective_cost), 0) FROM proposals p WHERE p.cycle_id = c.cycle_id AND p.envelope_level = ?
                            AND p.envelope_owner_id = c.\(level)_id AND \(Self.funded)) AS used,
                        \(level == "kelurahan" ? "k.id, k.name" : "NULL, NULL") AS kecamatan
                    FROM \(level)_ceilings c JOIN \(level) t ON t.id = c.\(level)_id
                        \(level == "kelurahan" ? "JOIN kecamatan k ON k.id = t.kecamatan_id" : "") WHERE c.cycle_id = ?
                    """, [level, id])
            }
            #expect(rows.count == (level == "kelurahan" ? 54 : 7))
            var sum: Int64 = 0
            var perKecamatan: [String: (amount: Int64, used: Int64)] = [:]
            for row in rows {
                let name: String = try row.get(0)
                let parts: [Int64] = try (1...5).map { try row.get($0) }
                let (down, bonus, amount, used): (Int64, Int64, Int64, Int64) = (try row.get(6), try row.get(7), try row.get(8), try row.get("used"))
                sum += amount
                // A kecamatan's computation on the city's page; a kelurahan's on its kecamatan's page.
                let page: String, caption: String
                if let kecamatanId: Int64 = try row.get(10), let kecamatanName: String = try row.get(11) {
                    perKecamatan[kecamatanName, default: (0, 0)].amount += amount
                    perKecamatan[kecamatanName, default: (0, 0)].used += used
                    page = try kecamatanPages.page(kecamatanId)
                    let shown = try Self.scalar(demo, "SELECT sum(c.amount) FROM kelurahan_ceilings c JOIN kelurahan k ON k.id = c.kelurahan_id WHERE c.cycle_id = ? AND k.kecamatan_id = ?",
                                                [id, kecamatanId])
                    caption = "Perhitungan pagu setiap kelurahan di Kecamatan \(kecamatanName) (jumlah pagu \(Rupiah.format(shown)), total \(Rupiah.format(settings.total)))"
                } else {
                    page = body
                    caption = "Perhitungan pagu setiap \(level) (jumlah pagu \(Rupiah.format(settings.total)), total \(Rupiah.format(settings.total)))"
                }
                let cells = try #require(HTMLTables.row(name, table: caption, in: page), "\(name)")
                #expect(Array(cells.prefix(6)) == parts.map(Rupiah.format) + [Rupiah.format(parts.reduce(0, +))], "\(name)")
                #expect(cells[6].hasPrefix("Rp "))   // the exact share, to the millionth
                #expect(Array(cells.suffix(5)) == [Rupiah.format(down), Rupiah.format(bonus), Rupiah.format(amount), Rupiah.format(used),
                                                   Rupiah.format(amount - used)], "\(name)")
            }
            #expect(sum == settings.total)
            // The city's page sums each kecamatan's kelurahan, each row leading to that kecamatan's page.
            for (name, values) in perKecamatan {
                #expect(HTMLTables.row(name, table: "Pagu kelurahan per kecamatan (jumlah pagu semua kelurahannya)", in: body)
                        == [Rupiah.format(values.amount), Rupiah.format(values.used), Rupiah.format(values.amount - values.used),
                            Percent.text(values.used, of: values.amount)], "\(name)")
            }
            #expect(level == "kecamatan" || perKecamatan.count == 7)
        }
        #expect(HTMLTables.table("Data kriteria setiap kelurahan", in: body) == nil)
        // The kelurahan inputs as stored; the kecamatan's are their sums.
        try demo.database.read { db in
            try db.forEachRow("""
                SELECT k.name, i.population, i.area_m2, i.pbb_realisation, i.poor_households, m.id, m.name FROM ceiling_inputs i
                JOIN kelurahan k ON k.id = i.kelurahan_id JOIN kecamatan m ON m.id = k.kecamatan_id WHERE i.cycle_id = ?
                """, [id]) { row in
                let name: String = try row.get(0), kecamatanId: Int64 = try row.get(5), kecamatanName: String = try row.get(6)
                let values: [Int64] = try (1...4).map { try row.get($0) }
                let cells = HTMLTables.row(name, table: "Data kriteria setiap kelurahan di Kecamatan \(kecamatanName)", in: try kecamatanPages.page(kecamatanId))
                #expect(cells?.dropFirst().map { $0 } == [Self.count(values[0]), Self.count(values[1]), Rupiah.format(values[2]), Self.count(values[3])])
            }
        }
        // Before the cycle's pra-Musrenbang the public does not see them yet; the finished cycle's stay.
        demo.clock.set(try #require(cycle.windows[.praMusrenbang]).opensAt.addingTimeInterval(-60))
        let early = try demo.browser().get("/pagu?siklus=\(id)")
        #expect(early.status == 200 && early.body.contains("Pagu belum diumumkan") && !early.body.contains("Perhitungan pagu"))
        let previous = try demo.cycle(budgetYear: 2027)
        #expect(try demo.browser().get("/pagu?siklus=\(previous.id.rawValue)").body.contains("Perhitungan pagu setiap kecamatan"))
        #expect(try demo.browser().get("/pagu?siklus=999").status == 404)
        #expect(try demo.browser().get("/pagu?siklus=\(id)&kecamatan=999").status == 404)
    }
}

/// Parses an inline SVG with Foundation's XMLParser: it must be well-formed XML, an `svg` root with `role="img"`
/// named by its `title` and described by its `desc` (through `aria-labelledby`).
enum SVGCheck {
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
        }
    }

    static func wellFormed(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "") in \(svg.prefix(300))",
                sourceLocation: sourceLocation)
        let root = try #require(collector.elements.first, sourceLocation: sourceLocation)
        #expect(root.name == "svg" && root.attributes["role"] == "img", sourceLocation: sourceLocation)
        let ids = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
        let title = collector.elements.first { $0.name == "title" }, desc = collector.elements.first { $0.name == "desc" }
        #expect(ids.count == 2 && title?.attributes["id"] == ids.first && desc?.attributes["id"] == ids.last, sourceLocation: sourceLocation)
        #expect(collector.elements.contains { $0.name == "rect" }, sourceLocation: sourceLocation)
    }
}
