import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

/// The public list `/usulan` (browse, filters, FTS5 search, order, pages) and the home page's figures and search,
/// read by visitors without an account: only published proposals, only public data, never an error for a
/// hand-edited address.
@Suite("The public list /usulan and the home page")
struct PublicBrowseTests {
    /// Proposals in two kecamatan, three kelurahan, two bidang and two OPD, in several states, and what must never be
    /// listed (a draft, and a proposal of a later cycle not yet public); the clock in the kecamatan Musrenbang.
    struct Scene {
        let verifiers: VerifierScene
        var world: PortalWorld { verifiers.world }
        var residents: ResidentScene { verifiers.residents }
        /// Pondok Karya (Ciputat Timur), road repair (Fisik dan Prasarana, DPUPR) for Rp 42.000.000, waiting for the
        /// kelurahan's verification.
        let road: Proposal
        /// Pondok Karya, the posyandu cadre training (Sosial Budaya, DINKES) for Rp 5.000.000 at "Balai RW 01", funded by
        /// DINKES's forum.
        let posyandu: Proposal
        /// Cempaka Putih (Ciputat Timur), road repair for Rp 105.000.000 at "Jl. Kenari", funded by DPUPR's forum.
        let drain: Proposal
        /// Lengkong Gudang (Serpong), road repair for Rp 17.500.000, rejected by the kelurahan.
        let serpong: Proposal
        /// Ani's draft: never public.
        let draft: Proposal
        /// A proposal of "Musrenbang 2028", whose kecamatan Musrenbang has not opened.
        let nextCycle: Proposal
        let serpongKelurahan: KelurahanID
        let nextCycleId: CycleID

        init() throws {
            let world = try PortalWorld()
            let verifiers = try world.verifiers()
            let residents = verifiers.residents, service = world.service
            // A kelurahan of Serpong with its operator; Cempaka Putih's operator.
            let (serpongKelurahan, serpongRW, serpongRT, nextCycleId) = try world.database.write { db in
                let wilayah = WilayahRepository(db)
                let kelurahan = try wilayah.insertKelurahan(kecamatanId: verifiers.otherKecamatan, code: "LG", name: "Lengkong Gudang")
                let rw = try wilayah.insertRW(kelurahanId: kelurahan, number: 2)
                let rt = try wilayah.insertRT(rwId: rw, number: 3)
                let kota: Int64 = try db.scalar("SELECT id FROM kota LIMIT 1") ?? 0
                let windows = Stage.allCases.enumerated().map { index, stage in
                    StageWindow(stage: stage, opensAt: WIBTime.date(year: 2027, month: 12, day: 1 + index * 5),
                                closesAt: WIBTime.date(year: 2027, month: 12, day: 6 + index * 5))
                }
                let next = try CycleRepository(db).insert(kotaId: KotaID(kota), planYear: 2028, budgetYear: 2029, name: "Musrenbang 2028",
                                                          windows: windows, at: WIBTime.date(year: 2026, month: 11, day: 1))
                return (kelurahan, rw, rt, next.id)
            }
            func account(_ username: String, _ role: Role, _ scope: Scope) throws -> Actor {
                let id = try service.createAccount(username: username, displayName: "Operator \(username)",
                                                   roles: [try RoleAssignment(role: role, scope: scope)], password: world.password)
                return Actor(accountId: id, role: role, scope: scope)
            }
            let serpongOperator = try account("op.lg", .operatorKelurahan, .kelurahan(serpongKelurahan))
            let serpongVerifier = try account("verif.lg", .verifikatorKelurahan, .kelurahan(serpongKelurahan))
            let cempakaOperator = try account("op.cp", .operatorKelurahan, .kelurahan(verifiers.otherKelurahan))
            /// A paper form entered in the pra-Musrenbang of `cycle`: straight to its kelurahan's verification.
            func paperForm(_ title: String, origin: Origin, kamus: KamusID, volume: Int64, problem: String, location: String,
                           by actor: Actor, cycle: CycleID? = nil) throws -> Proposal {
                world.clock.set(cycle == nil ? ResidentScene.insidePra : WIBTime.date(year: 2027, month: 12, day: 3, hour: 9))
                let new = NewProposal(origin: origin, proposerAccountId: nil, proposerName: "Pak Joko Susilo", title: title,
                                      problem: problem, kamusId: kamus, volume: volume, locationText: location, beneficiaries: 40)
                return try service.submit(new, cycleId: cycle ?? residents.cycleId, by: actor)
            }
            let serpongOrigin = Origin(kecamatanId: verifiers.otherKecamatan, kelurahanId: serpongKelurahan, rwId: serpongRW, rtId: serpongRT)
            let nextCycle = try paperForm("Perbaikan jalan tahun depan", origin: serpongOrigin, kamus: residents.kamus, volume: 10,
                                      problem: "Jalan retak.", location: "Gang Dahlia", by: serpongOperator, cycle: nextCycleId)
            let road = try verifiers.paperForm("Perbaikan jalan Gang Mawar")
            try world.database.write { db in
                for opd in [verifiers.opd, verifiers.otherOPD] {
                    try CeilingRepository(db).setOPDCeiling(cycleId: residents.cycleId, opdId: opd, amount: 1_000_000_000)
                }
            }
            /// Bappeda's correction places a proposal in `state` (the workflow up to there is not this suite's).
            func place(_ proposal: Proposal, in state: ProposalState) throws -> Proposal {
                try service.apply(TransitionInput(.koreksi, expectedVersion: proposal.version, reason: "Penempatan untuk uji.", target: state),
                                  to: .id(proposal.id), by: verifiers.bappeda)
            }
            let pondokKarya = Origin(kecamatanId: world.kecamatan, kelurahanId: world.kelurahan, rwId: residents.rw, rtId: residents.rt)
            let posyandu = try place(try paperForm("Pelatihan kader posyandu RW 01", origin: pondokKarya, kamus: verifiers.training, volume: 10,
                                               problem: "Kader posyandu belum terlatih menimbang balita.", location: "Balai RW 01",
                                               by: verifiers.operatorKelurahan),
                                 in: ProposalState(.opd, .didanai))
            let cempakaRW: Int64 = try world.database.read { db in
                try db.scalar("SELECT rw_id FROM rt WHERE id = ?", [verifiers.otherRT.rawValue]) ?? 0
            }
            let cempaka = Origin(kecamatanId: world.kecamatan, kelurahanId: verifiers.otherKelurahan, rwId: RWID(cempakaRW),
                                 rtId: verifiers.otherRT)
            let drain = try place(try paperForm("Saluran air tersumbat", origin: cempaka, kamus: residents.kamus, volume: 300,
                                            problem: "Saluran tersumbat sampah dan meluap setiap hujan.", location: "Jl. Kenari",
                                            by: cempakaOperator),
                              in: ProposalState(.opd, .didanai))
            var serpong = try paperForm("Pengaspalan Gang Kenanga", origin: serpongOrigin, kamus: residents.kamus, volume: 50,
                                        problem: "Aspal mengelupas di depan sekolah.", location: "Gang Kenanga", by: serpongOperator)
            world.clock.set(VerifierScene.insideKelurahan)
            serpong = try service.apply(.tolak, to: .id(serpong.id), by: serpongVerifier, expectedVersion: serpong.version,
                                        reason: "Sudah dianggarkan dinas tahun ini.")
            world.clock.set(ResidentScene.insidePra)
            let draft = try residents.draft("Taman rahasia draf", by: residents.ani)
            world.clock.set(VerifierScene.insideKecamatan)
            (self.verifiers, self.road, self.posyandu, self.drain, self.serpong, self.draft) = (verifiers, road, posyandu, drain, serpong, draft)
            (self.nextCycle, self.serpongKelurahan, self.nextCycleId) = (nextCycle, serpongKelurahan, nextCycleId)
        }

        func get(_ target: String) throws -> TestBrowser.Page { try world.browser().get(target) }

        /// The titles listed on a page of the list, in order.
        static func titles(_ page: TestBrowser.Page) -> [String] {
            page.body.components(separatedBy: "<h3><a href=\"/usulan/").dropFirst().map { part in
                let start = part.range(of: "\">")!.upperBound
                return String(part[start..<part.range(of: "</a>")!.lowerBound])
            }
        }

        var allTitles: Set<String> { [road.title, posyandu.title, drain.title, serpong.title] }
    }

    @Test func onlyPublishedProposalsAreListedAndOnlyOnceTheKecamatanMusrenbangOpens() throws {
        let scene = try Scene()
        // In the kelurahan Musrenbang nothing of this cycle is public yet: the list says when it will be.
        scene.world.clock.set(VerifierScene.insideKelurahan)
        let before = try scene.get("/usulan")
        #expect(before.status == 200)
        #expect(Scene.titles(before).isEmpty && before.body.contains("belum diumumkan"))
        #expect(before.body.contains("11 Desember 2026 00.00 WIB"))
        for title in scene.allTitles { #expect(!before.body.contains(title)) }

        scene.world.clock.set(VerifierScene.insideKecamatan)
        let page = try scene.get("/usulan")
        #expect(page.status == 200)
        #expect(Set(Scene.titles(page)) == scene.allTitles)
        #expect(page.body.contains("<h2 id=\"hasil\">4 usulan</h2>"))
        #expect(!page.body.contains(scene.draft.title) && !page.body.contains(scene.nextCycle.title))
        // Each entry links to the proposal's public page, with its code, place, activity, cost and state in words.
        #expect(page.body.contains("<a href=\"/usulan/\(scene.road.trackingCode)\">Perbaikan jalan Gang Mawar</a>"))
        #expect(page.body.contains("RT 01/RW 01, Kelurahan Pondok Karya, Kecamatan Ciputat Timur"))
        #expect(page.body.contains("Rp 42.000.000") && page.body.contains("Menunggu verifikasi Musrenbang kelurahan"))
        #expect(page.body.contains("Tidak diterima") || page.body.contains("Ditolak"))
        // The later cycle, named in the address, is not public either; an unknown cycle is set aside kindly.
        let next = try scene.get("/usulan?siklus=\(scene.nextCycleId.rawValue)")
        #expect(next.status == 200 && Scene.titles(next).isEmpty && next.body.contains("Usulan Musrenbang 2028 belum diumumkan"))
        #expect(!next.body.contains(scene.nextCycle.title))
        // The same for a signed-in proposer: the list is the public's.
        let ani = scene.world.browser()
        try ani.signIn("ani", scene.world.password)
        let signedIn = try ani.get("/usulan")
        #expect(Set(Scene.titles(signedIn)) == scene.allTitles)
    }

    @Test func eachFilterNarrowsTheList() throws {
        let scene = try Scene()
        let v = scene.verifiers
        func listed(_ query: String) throws -> Set<String> {
            let page = try scene.get("/usulan?" + query)
            #expect(page.status == 200, "\(query)")
            #expect(!page.body.contains("tidak dipakai"), "\(query): nothing ignored")
            return Set(Scene.titles(page))
        }
        let (road, posyandu, drain, serpong) = (scene.road.title, scene.posyandu.title, scene.drain.title, scene.serpong.title)
        #expect(try listed("kecamatan=\(scene.world.kecamatan.rawValue)") == [road, posyandu, drain])
        #expect(try listed("kecamatan=\(v.otherKecamatan.rawValue)") == [serpong])
        #expect(try listed("kelurahan=\(scene.world.kelurahan.rawValue)") == [road, posyandu])
        #expect(try listed("kecamatan=\(scene.world.kecamatan.rawValue)&kelurahan=\(v.otherKelurahan.rawValue)") == [drain])
        let sosial: Int64 = try scene.world.database.read { db in try db.scalar("SELECT id FROM bidang WHERE code = 'SOS'") ?? 0 }
        #expect(try listed("bidang=\(sosial)") == [posyandu])
        #expect(try listed("opd=\(v.opd.rawValue)") == [road, drain, serpong])
        #expect(try listed("opd=\(v.otherOPD.rawValue)") == [posyandu])
        #expect(try listed("status=kelurahan.verifikasi") == [road])
        #expect(try listed("status=kelurahan.ditolak") == [serpong])
        #expect(try listed("didanai=ya") == [posyandu, drain])
        #expect(try listed("didanai=tidak") == [road, serpong])
        #expect(try listed("didanai=ya&kelurahan=\(scene.world.kelurahan.rawValue)") == [posyandu])
        #expect(try listed("didanai=ya&status=kelurahan.verifikasi").isEmpty)
        #expect(try listed("siklus=\(scene.residents.cycleId.rawValue)&opd=\(v.opd.rawValue)&didanai=tidak&kecamatan=\(v.otherKecamatan.rawValue)")
                == [serpong])
        // The form shows what is chosen, and the status choices are words.
        #expect(try listed("status=opd.didanai&opd=\(v.opd.rawValue)") == [drain])
        let page = try scene.get("/usulan?status=opd.didanai&didanai=ya")
        #expect(page.body.contains("<option value=\"opd.didanai\" selected>Didanai pagu perangkat daerah</option>"))
        #expect(page.body.contains("<option value=\"ya\" selected>"))
        #expect(page.body.contains("<details class=\"filters\" open>") && page.body.contains("Hapus saringan"))
        #expect(!page.body.contains("value=\"pra_musrenbang.draft\""))
    }

    @Test func theTextSearchReadsTitleProblemAndLocationAsTyped() throws {
        let scene = try Scene()
        func found(_ text: String) throws -> Set<String> {
            let page = try scene.get("/usulan?q=" + TestBrowser.encode(text))
            #expect(page.status == 200, "\(text)")
            return Set(Scene.titles(page))
        }
        #expect(try found("kader posyandu") == [scene.posyandu.title])      // title
        #expect(try found("meluap") == [scene.drain.title])                 // problem
        #expect(try found("kenari") == [scene.drain.title])                 // location
        #expect(try found("KENANGA") == [scene.serpong.title])              // any case
        #expect(try found("posyan") == [scene.posyandu.title])              // the last word may be unfinished
        #expect(try found("sálúran") == [scene.drain.title])                // diacritics typed or not
        #expect(try found("jalan mawar") == [scene.road.title])             // every word must be found
        #expect(try found("hujan") == [scene.road.title, scene.drain.title])
        #expect(try found("jalan zzz").isEmpty)
        #expect(try found("rahasia").isEmpty)                               // the draft's title
        let page = try scene.get("/usulan?q=posyandu")
        #expect(page.body.contains("1 usulan cocok dengan “posyandu”"))
        #expect(page.body.contains("<input id=\"q\" name=\"q\" type=\"search\" value=\"posyandu\""))
        // Search and filters together.
        #expect(try Set(Scene.titles(scene.get("/usulan?q=gang&kecamatan=\(scene.verifiers.otherKecamatan.rawValue)"))) == [scene.serpong.title])
    }

    /// FTS5 syntax, quotes, SQL and markup typed into the box are searched as plain words: never an error, never
    /// markup on the page, and the tables untouched.
    @Test func hostileSearchTextIsSearchedAsWordsAndEscaped() throws {
        let scene = try Scene()
        let typed = ["\"", "\"\"", "*", "-", "(", ")", "()", "jalan\"", "\"jalan", "jalan*", "-jalan", "jalan -mawar", "(jalan OR mawar)",
                     "jalan AND", "OR", "NOT jalan", "NEAR(jalan mawar)", "title:jalan", "^jalan", "{title problem}: jalan",
                     "' OR 1=1 --", "'; DROP TABLE proposals; --", "\") OR 1=1 --", "<script>alert('x')</script>",
                     "\"><img src=x onerror=alert(1)>", "%", "_", "\\", String(repeating: "jalan ", count: 100), "🙂 jalan"]
        for text in typed {
            let page = try scene.get("/usulan?q=" + TestBrowser.encode(text))
            #expect(page.status == 200, "\(text)")
            #expect(!page.body.contains("<script>alert") && !page.body.contains("<img src=x"), "\(text)")
            let kept = String(text.trimmingCharacters(in: .whitespaces).prefix(PublicBrowseFilter.maxTextLength))
            #expect(page.body.contains("value=\"\(HTML.escape(kept))\""), "\(text)")
        }
        // Words inside the hostile text still find what they name.
        #expect(Set(Scene.titles(try scene.get("/usulan?q=" + TestBrowser.encode("(jalan mawar)")))) == [scene.road.title])
        #expect(Set(Scene.titles(try scene.get("/usulan?q=" + TestBrowser.encode("-kader")))) == [scene.posyandu.title])
        #expect(Set(Scene.titles(try scene.get("/usulan?q=" + TestBrowser.encode("\"mawar\"*")))) == [scene.road.title])
        let count: Int = try scene.world.database.read { db in try db.scalar("SELECT count(*) FROM proposals") ?? 0 }
        #expect(count == 6)
    }

    @Test func unknownOrMalformedFilterValuesAreSetAsideKindly() throws {
        let scene = try Scene()
        let page = try scene.get("/usulan?kecamatan=abc&kelurahan=999&bidang=-1&opd=0&status=terbang&didanai=mungkin&urut=acak"
                                 + "&halaman=satu&siklus=77")
        #expect(page.status == 200)
        #expect(Set(Scene.titles(page)) == scene.allTitles)
        #expect(page.body.contains("Sebagian saringan pada alamat ini tidak dipakai"))
        for words in ["kecamatan “abc” tidak dikenali", "kelurahan nomor 999 tidak ada", "bidang “-1” tidak dikenali",
                      "perangkat daerah “0” tidak dikenali", "keadaan “terbang” tidak dikenali", "pendanaan “mungkin” tidak dikenali",
                      "urutan “acak” tidak dikenali", "halaman “satu” tidak dikenali", "siklus nomor 77 tidak ada"] {
            #expect(page.body.contains(words), "\(words)")
        }
        // A kelurahan outside the chosen kecamatan: the kecamatan stands, the kelurahan is set aside.
        let mixed = try scene.get("/usulan?kecamatan=\(scene.verifiers.otherKecamatan.rawValue)&kelurahan=\(scene.world.kelurahan.rawValue)")
        #expect(mixed.status == 200 && Set(Scene.titles(mixed)) == [scene.serpong.title])
        #expect(mixed.body.contains("Kelurahan Pondok Karya tidak termasuk Kecamatan Serpong"))
        // A value too long to repeat is shortened; markup in it is escaped.
        let long = try scene.get("/usulan?kecamatan=" + TestBrowser.encode("<script>x</script>" + String(repeating: "a", count: 100)))
        #expect(long.status == 200 && !long.body.contains("<script>x") && long.body.contains("&lt;script&gt;x&lt;/script&gt;aaa"))
        #expect(!long.body.contains(String(repeating: "a", count: 60)))
        // Huge numbers and a page past the end.
        #expect(try scene.get("/usulan?kecamatan=99999999999999999999999&halaman=9223372036854775807").status == 200)
        let beyond = try scene.get("/usulan?halaman=7")
        #expect(beyond.status == 200 && beyond.body.contains("Halaman 7 tidak ada: daftar ini 1 halaman"))
        #expect(beyond.body.contains("<a href=\"/usulan\">Ke halaman terakhir</a>"))
    }

    @Test func theOrdersSortTheWholeList() throws {
        let scene = try Scene()
        let (road, posyandu, drain, serpong) = (scene.road.title, scene.posyandu.title, scene.drain.title, scene.serpong.title)
        // Entered in the order nextCycle, road, posyandu, drain, serpong.
        #expect(Scene.titles(try scene.get("/usulan")) == [serpong, drain, posyandu, road])
        // Rp 105.000.000, 42.000.000, 17.500.000, 5.000.000.
        #expect(Scene.titles(try scene.get("/usulan?urut=biaya-turun")) == [drain, road, serpong, posyandu])
        #expect(Scene.titles(try scene.get("/usulan?urut=biaya-naik")) == [posyandu, serpong, road, drain])
        #expect(Scene.titles(try scene.get("/usulan?urut=judul")) == [posyandu, serpong, road, drain])
    }

    @Test func pageLinksKeepEveryFilter() throws {
        let scene = try Scene()
        for index in 1...23 {
            try scene.verifiers.paperForm("Perbaikan jalan nomor \(index)", volume: Int64(index))
        }
        scene.world.clock.set(VerifierScene.insideKecamatan)
        let query = "q=jalan&kecamatan=\(scene.world.kecamatan.rawValue)&didanai=tidak&urut=biaya-naik"
        let first = try scene.get("/usulan?" + query)
        #expect(first.body.contains("<h2 id=\"hasil\">24 usulan cocok dengan “jalan”</h2>"))
        #expect(Scene.titles(first).count == 20 && Scene.titles(first).first == "Perbaikan jalan nomor 1")
        let next = "/usulan?q=jalan&amp;kecamatan=\(scene.world.kecamatan.rawValue)&amp;didanai=tidak&amp;urut=biaya-naik&amp;halaman=2"
        #expect(first.body.contains("<a rel=\"next\" href=\"\(next)\">"))
        #expect(first.body.contains("Halaman 1 dari 2"))
        let second = try scene.get("/usulan?" + query + "&halaman=2")
        #expect(Scene.titles(second) == ["Perbaikan jalan nomor 21", "Perbaikan jalan nomor 22", "Perbaikan jalan nomor 23",
                                         "Perbaikan jalan Gang Mawar"])
        #expect(second.body.contains("<ol class=\"results\" start=\"21\">"))
        let previous = "/usulan?q=jalan&amp;kecamatan=\(scene.world.kecamatan.rawValue)&amp;didanai=tidak&amp;urut=biaya-naik\""
        #expect(second.body.contains("<a rel=\"prev\" href=\"\(previous)>"))
    }

    @Test func noPersonalDataInAnyByteOfTheListOrTheHome() throws {
        let scene = try Scene()
        // Ani's own proposal, published: her name, NIK, phone and e-mail stay out of the public pages.
        let residents = scene.residents
        scene.world.clock.set(ResidentScene.insidePra)
        var ani = try residents.propose("Lampu jalan Gang Melati", by: residents.ani)
        ani = try scene.world.service.apply(.setujui, to: .id(ani.id), by: residents.rtHead, expectedVersion: ani.version)
        scene.world.clock.set(VerifierScene.insideKecamatan)
        let visitor = scene.world.browser()
        let pages = [try visitor.get("/usulan"), try visitor.get("/usulan?q=ani"), try visitor.get("/usulan?q=melati"),
                     try visitor.get("/usulan?q=" + ResidentScene.aniNIK), try visitor.get("/usulan?urut=judul&halaman=1"), try visitor.get("/")]
        #expect(Scene.titles(pages[2]) == ["Lampu jalan Gang Melati"])
        #expect(Scene.titles(pages[1]).isEmpty && Scene.titles(pages[3]).isEmpty)
        for page in pages {
            let bytes = String(decoding: page.bytes, as: UTF8.self)
            for secret in [ResidentScene.aniNIK, ResidentScene.aniPhone, ResidentScene.aniEmail, "Ani Rahmawati", "Pak Harun",
                           "Pak Joko Susilo", "Budi Operator", "Operator op.lg"] {
                #expect(!bytes.contains(secret) || page.body.contains("value=\"\(secret)\""), "\(secret) on a public page")
            }
        }
        #expect(!String(decoding: pages[1].bytes, as: UTF8.self).contains("Ani Rahmawati"))
    }

    @Test func theHomePageShowsTheFiguresOfThePublishedProposals() throws {
        let scene = try Scene()
        let home = try scene.get("/")
        #expect(home.status == 200)
        // 4 published (the draft and next cycle's proposal not), 2 funded: Rp 5.000.000 + Rp 105.000.000.
        #expect(home.body.contains("<dt>Usulan diumumkan</dt><dd>4</dd>"))
        #expect(home.body.contains("<dt>Usulan didanai</dt><dd>2</dd>"))
        #expect(home.body.contains("<dt>Nilai usulan didanai</dt><dd>Rp 110.000.000</dd>"))
        let figures = try #require(try scene.world.service.publicFigures(cycleId: scene.residents.cycleId))
        let recap = try scene.world.service.recap(cycleId: scene.residents.cycleId, by: .status, viewer: .public)
        #expect(figures.published == recap.reduce(0) { $0 + $1.count } && figures.funded == recap.reduce(0) { $0 + $1.fundedCount })
        #expect(figures.fundedAmount == scene.posyandu.effectiveCost + scene.drain.effectiveCost)
        // The figures follow the data at once: one more funded proposal moves them.
        _ = try scene.world.service.apply(TransitionInput(.koreksi, expectedVersion: scene.road.version, reason: "Penempatan untuk uji.",
                                                          target: ProposalState(.opd, .didanai)),
                                          to: .id(scene.road.id), by: scene.verifiers.bappeda)
        let after = try scene.get("/")
        #expect(after.body.contains("<dt>Usulan didanai</dt><dd>3</dd>") && after.body.contains("<dd>Rp 152.000.000</dd>"))
        // The search box leads to the list; the list and the funded ones are linked.
        #expect(home.body.contains("<form method=\"get\" action=\"/usulan\" role=\"search\""))
        #expect(home.body.contains("<input id=\"cari-q\" name=\"q\" type=\"search\""))
        #expect(home.body.contains("href=\"/usulan?didanai=ya\""))
        // The tracking form stays.
        #expect(home.body.contains("action=\"/lacak\""))
        // Before publication: no figures, but when they come.
        scene.world.clock.set(VerifierScene.insideKelurahan)
        let early = try scene.get("/")
        #expect(!early.body.contains("Usulan diumumkan</dt>") && early.body.contains("diumumkan di sini mulai 11 Desember 2026 00.00 WIB"))
    }

    @Test func theHomeScheduleSaysWhereEachStageStandsToday() throws {
        let world = try PortalWorld()
        // 13 December 09.00 WIB: pra-Musrenbang and kelurahan done, kecamatan open until 15 December, OPD from 16.
        world.clock.set(VerifierScene.insideKecamatan)
        let body = try world.browser().get("/").body
        /// The row of `stage` in the schedule, up to its end.
        func row(_ stage: Stage) -> String {
            guard let start = body.range(of: "<th scope=\"row\">\(stage.displayName)</th>"),
                  let end = body[start.upperBound...].range(of: "</tr>") else { return "" }
            return String(body[start.upperBound..<end.lowerBound])
        }
        #expect(row(.praMusrenbang).contains("Selesai") && row(.kelurahan).contains("Selesai"))
        #expect(row(.kecamatan).contains("11 Desember 2026 – 15 Desember 2026"))
        #expect(row(.kecamatan).contains("Sedang berlangsung") && row(.kecamatan).contains("berakhir 2 hari lagi"))
        #expect(row(.opd).contains("Akan datang") && row(.opd).contains("dibuka 3 hari lagi"))
        #expect(body.contains("Jadwal tahapan (WIB)"))
        // On the last day, and the day before a stage opens.
        world.clock.set(WIBTime.date(year: 2026, month: 12, day: 15, hour: 23))
        let last = try world.browser().get("/").body
        #expect(last.contains("berakhir hari ini") && last.contains("dibuka besok"))
    }

    /// A list page is kept while the cycle's proposals do not change; any write to one of them shows at once.
    @Test func aChangeToAProposalShowsInTheListAtOnce() throws {
        let scene = try Scene()
        let funded = "/usulan?didanai=ya&q=jalan"
        #expect(Scene.titles(try scene.get(funded)).isEmpty)
        #expect(Scene.titles(try scene.get(funded)).isEmpty)   // the kept page
        _ = try scene.world.service.apply(TransitionInput(.koreksi, expectedVersion: scene.road.version, reason: "Penempatan untuk uji.",
                                                          target: ProposalState(.opd, .didanai)),
                                          to: .id(scene.road.id), by: scene.verifiers.bappeda)
        #expect(Scene.titles(try scene.get(funded)) == [scene.road.title])
        // A new one, and an edited title, the same.
        try scene.verifiers.paperForm("Perbaikan jalan Gang Anggrek")
        scene.world.clock.set(VerifierScene.insideKecamatan)
        #expect(Scene.titles(try scene.get("/usulan?q=anggrek")) == ["Perbaikan jalan Gang Anggrek"])
        try scene.world.database.write { db in
            try db.execute("UPDATE proposals SET title = 'Perbaikan jalan Gang Kamboja' WHERE title = 'Perbaikan jalan Gang Anggrek'")
        }
        #expect(Scene.titles(try scene.get("/usulan?q=anggrek")).isEmpty)
        #expect(Scene.titles(try scene.get("/usulan?q=kamboja")) == ["Perbaikan jalan Gang Kamboja"])
        // The names of places are read with each page: a renamed kelurahan shows at once.
        try scene.world.database.write { db in
            try db.execute("UPDATE kelurahan SET name = 'Pondok Karya Baru' WHERE id = ?", [scene.world.kelurahan.rawValue])
        }
        #expect(try scene.get("/usulan?q=kamboja").body.contains("Kelurahan Pondok Karya Baru"))
    }
}
