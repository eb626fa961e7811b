import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing

/// Every route of the meeting's work (scoring, ranking, allocation, berita acara, its scan and print) for every kind
/// of visitor: no session (303 to sign in), a resident, roles that do not hold a meeting (403), the verifier of another
/// kelurahan (only its own, empty envelope: nothing of Pondok Karya is shown or changed), and Pondok Karya's Lurah.
@Suite struct MeetingAuthorizationTests {
    /// One request of the matrix.
    struct Route: CustomStringConvertible {
        let method: String
        let path: String
        var description: String { "\(method) \(path)" }
    }

    static let routes = [
        Route(method: "GET", path: "/kerja/penilaian"), Route(method: "GET", path: "/kerja/peringkat"),
        Route(method: "GET", path: "/kerja/alokasi"), Route(method: "GET", path: "/kerja/berita-acara"),
        Route(method: "GET", path: "/kerja/berita-acara/cetak"), Route(method: "GET", path: "/kerja/berita-acara/pindaian"),
        Route(method: "POST", path: "/kerja/penilaian"), Route(method: "POST", path: "/kerja/penilaian/urutan"),
        Route(method: "POST", path: "/kerja/alokasi"), Route(method: "POST", path: "/kerja/berita-acara"),
        Route(method: "POST", path: "/kerja/berita-acara/pindaian"),
    ]

    static let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)

    /// Sends `route` with the fields that would act on Pondok Karya's envelope.
    func send(_ route: Route, _ browser: TestBrowser, scene: MeetingScene, csrf: String?) throws -> TestBrowser.Page {
        guard route.method == "POST" else { return try browser.get(route.path) }
        let runId = try? scene.world.service.latestAllocationRun(.kelurahan(scene.world.kelurahan), cycleId: scene.cycleId,
                                                                 viewer: .actor(scene.lurah)).runId
        switch route.path {
        case "/kerja/penilaian":
            let state = csrf == nil ? ("keadaan", "") : MeetingScene.state(try browser.get(route.path))
            return try browser.post(route.path, scene.scoreFields([(scene.a, ["5", "5"]), (scene.b, ["4", "4"]), (scene.c, ["3", "3"])]) + [state],
                                    csrf: csrf)
        case "/kerja/penilaian/urutan":
            let state = csrf == nil ? ("keadaan", "") : MeetingScene.state(try browser.get("/kerja/penilaian"))
            return try browser.post(route.path, [("usulan", String(scene.c.id.rawValue)), ("posisi", "1"), ("alasan", "Mendesak"), state], csrf: csrf)
        case "/kerja/berita-acara":
            return try browser.post(route.path, scene.beritaAcaraFields(runId: runId), csrf: csrf)
        case "/kerja/berita-acara/pindaian":
            return try browser.postMultipart(route.path, [], files: [MultipartFile(field: "pindaian", fileName: "ba.pdf",
                                                                                   contentType: "application/pdf", bytes: Self.pdf)], csrf: csrf)
        default:
            return try browser.post(route.path, [], csrf: csrf)
        }
    }

    @Test func withoutASessionEveryRouteAsksToSignIn() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        for route in Self.routes {
            let page = try send(route, world.browser(), scene: scene, csrf: nil)
            #expect(page.status == 303, "\(route)")
            #expect(page.location?.hasPrefix("/masuk?kembali=") == true, "\(route)")
        }
    }

    @Test(arguments: ["warga1", "op.kel", "bappeda", "opd.pu"])
    func rolesOutsideThisMeetingAreRefusedOrSeeOnlyTheirOwn(username: String) throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        try scene.rankAndRun()
        let browser = try scene.browser(username)
        let csrf = try browser.get("/").csrf
        for route in Self.routes {
            let page = try send(route, browser, scene: scene, csrf: csrf)
            if username == "opd.pu" {
                // An OPD verifier holds its own forum: its pages are its OPD's envelope (nothing routed to it yet).
                #expect(page.status != 500 && !page.body.contains(scene.a.trackingCode.description), "\(route)")
            } else {
                #expect(page.status == 403, "\(route)")
            }
        }
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 3)
        #expect(try !scene.kelurahanLocked())
    }

    @Test func theVerifierOfAnotherKelurahanNeitherSeesNorChangesThisOne() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let runId = try scene.rankAndRun()
        let browser = try scene.browser("lurah.cp")
        let csrf = try browser.get("/").csrf
        let expected: [String: Int] = [
            "GET /kerja/penilaian": 200, "GET /kerja/peringkat": 303, "GET /kerja/alokasi": 200, "GET /kerja/berita-acara": 200,
            "GET /kerja/berita-acara/cetak": 200, "GET /kerja/berita-acara/pindaian": 404,
            "POST /kerja/penilaian": 303, "POST /kerja/penilaian/urutan": 404, "POST /kerja/alokasi": 303,
            "POST /kerja/berita-acara": 422, "POST /kerja/berita-acara/pindaian": 422,
        ]
        for route in Self.routes {
            let page = try send(route, browser, scene: scene, csrf: csrf)
            #expect(page.status == expected[route.description], "\(route)")
            for p in [scene.a, scene.b, scene.c] { #expect(!page.body.contains(p.trackingCode.description), "\(route)") }
        }
        #expect(try browser.get("/kerja/alokasi").body.contains("Kelurahan Cempaka Putih"))
        #expect(try scene.current(scene.c).ranks[.kelurahan] == 3)
        #expect(try !scene.kelurahanLocked())
        let latest = try world.service.latestAllocationRun(.kelurahan(world.kelurahan), cycleId: scene.cycleId, viewer: .actor(scene.lurah))
        #expect(latest.runId == runId)
    }

    @Test func theLurahOfThisKelurahanDoesTheWholeMeeting() throws {
        let world = try PortalWorld()
        let scene = try MeetingScene(world)
        let browser = try scene.browser("lurah.pk")
        let csrf = try browser.get("/").csrf
        let expected: [String: Int] = [
            "GET /kerja/penilaian": 200, "GET /kerja/peringkat": 303, "GET /kerja/alokasi": 200, "GET /kerja/berita-acara": 200,
            "GET /kerja/berita-acara/cetak": 200, "GET /kerja/berita-acara/pindaian": 404,
            "POST /kerja/penilaian": 303, "POST /kerja/penilaian/urutan": 303, "POST /kerja/alokasi": 303,
            "POST /kerja/berita-acara": 303, "POST /kerja/berita-acara/pindaian": 303,
        ]
        for route in Self.routes {
            let page = try send(route, browser, scene: scene, csrf: csrf)
            #expect(page.status == expected[route.description], "\(route)")
        }
        #expect(try scene.kelurahanLocked())
        #expect(try browser.get("/kerja/berita-acara/pindaian").status == 200)
        #expect(try browser.get("/kerja/berita-acara/cetak").body.contains(scene.a.trackingCode.description))
    }
}
