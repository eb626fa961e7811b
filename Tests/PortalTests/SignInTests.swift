import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage
import Testing

@Suite("Sign-in, sessions and CSRF through the portal's routes")
struct SignInTests {
    @Test func signingInSetsASafeSessionCookieAndShowsWhoIsSignedIn() throws {
        let world = try PortalWorld()
        let browser = world.browser()
        let done = try browser.signIn("warga1", world.password, returnTo: "/?halaman=2")
        #expect(done.status == 303 && done.location == "/?halaman=2")
        let cookie = try #require(done.headers.values("Set-Cookie").first { $0.hasPrefix("sesi=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/") && !cookie.contains("Secure"))
        let token = try #require(browser.cookies["sesi"])
        // Only the id's hash is stored.
        let stored: [String] = try world.database.read { db in try db.query("SELECT id_hash FROM web_sessions").map { try $0.get(0) } }
        #expect(stored.count == 1 && stored[0] != token && !stored[0].contains(token))
        let home = try browser.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains("Masuk sebagai <strong>Siti &lt;Aminah&gt;</strong>"))     // escaped, never raw
        #expect(home.body.contains("<span class=\"role\">Warga</span>"))
    }

    @Test func wrongPasswordAndUnknownUserGetTheSameAnswerAndTheTypedNameIsKept() throws {
        let world = try PortalWorld()
        let wrong = try world.browser().signIn("warga1", "salah-sekali")
        let unknown = try world.browser(address: "10.0.0.8:1").signIn("tidak.ada", "salah-sekali")
        #expect(wrong.status == 422 && unknown.status == 422)
        #expect(wrong.body.contains("Nama pengguna atau kata sandi salah") && unknown.body.contains("Nama pengguna atau kata sandi salah"))
        #expect(wrong.body.contains("value=\"warga1\"") && !wrong.body.contains("salah-sekali"))
        let empty = try world.browser().post("/masuk", [("nama_pengguna", " "), ("kata_sandi", "")],
                                             csrf: try world.browser().get("/masuk").csrf)
        #expect(empty.status == 403)                  // another browser's token is not this one's
        let browser = world.browser()
        let blank = try browser.post("/masuk", [("nama_pengguna", ""), ("kata_sandi", "")], csrf: try browser.get("/masuk").csrf)
        #expect(blank.status == 422 && blank.body.contains("Ada yang perlu diperbaiki"))
        #expect(blank.body.contains("href=\"#nama_pengguna\"") && blank.body.contains("href=\"#kata_sandi\""))
    }

    @Test func repeatedFailuresWaitLongerWithAClearMessage() throws {
        let world = try PortalWorld()
        let browser = world.browser()
        for _ in 0..<5 { #expect(try browser.signIn("warga1", "salah").status == 422) }
        let blocked = try browser.signIn("warga1", world.password)
        #expect(blocked.status == 429 && blocked.body.contains("Terlalu banyak percobaan masuk yang gagal"))
        #expect(blocked.body.contains("30 detik") && blocked.headers["Retry-After"] == "30")
        // The same name from another address waits too (the account is protected), and so does this address.
        #expect(try world.browser(address: "10.9.9.9:5").signIn("warga1", world.password).status == 429)
        #expect(try browser.signIn("op.pk", world.password).status == 429)
        world.clock.advance(31)
        #expect(try browser.signIn("warga1", world.password).status == 303)
    }

    @Test func formsWithoutTheTokenOrFromAnotherSiteAreRefused() throws {
        let world = try PortalWorld()
        let browser = world.browser()
        let csrf = try #require(try browser.get("/masuk").csrf)
        let fields = [("nama_pengguna", "warga1"), ("kata_sandi", world.password)]
        #expect(try browser.post("/masuk", fields, csrf: nil).status == 403)
        let altered = (csrf.hasPrefix("0") ? "1" : "0") + csrf.dropFirst()
        #expect(try browser.post("/masuk", fields, csrf: altered).status == 403)
        #expect(try browser.post("/masuk", fields, csrf: csrf, headers: ["Origin": "http://jahat.example"]).status == 403)
        #expect(try browser.post("/masuk", fields, csrf: csrf, headers: ["Sec-Fetch-Site": "cross-site"]).status == 403)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM web_sessions") as Int? } == 0)
        #expect(try browser.post("/masuk", fields, csrf: csrf).status == 303)
        // Signed in, the session's own token is required.
        #expect(try browser.post("/keluar", [], csrf: csrf).status == 403)
    }

    @Test func sessionsGetANewIdAtSignInAndRoleChangeAndEndAtSignOut() throws {
        let world = try PortalWorld()
        let browser = world.browser()
        let first = try browser.signIn("op.pk", world.password)
        #expect(first.location == "/peran?kembali=/")                          // two roles: choose one first
        let firstToken = try #require(browser.cookies["sesi"])
        #expect(try browser.get("/").body.contains("Ganti peran"))
        let choice = try browser.get("/peran")
        #expect(choice.body.contains("Operator Kelurahan Pondok Karya") && choice.body.contains("Verifikator Kelurahan Pondok Karya"))
        let refused = try browser.post("/peran", [("peran", "bappeda|kota"), ("kembali", "/")], csrf: choice.csrf)
        #expect(refused.status == 422 && refused.body.contains("Pilih salah satu peran Anda"))
        let chosen = try browser.post("/peran", [("peran", "verifikator_kelurahan|kelurahan:\(world.kelurahan.rawValue)"),
                                                 ("kembali", "//jahat.example/")], csrf: choice.csrf)
        #expect(chosen.status == 303 && chosen.location == "/")                  // never off the site
        let secondToken = try #require(browser.cookies["sesi"])
        #expect(secondToken != firstToken)
        let home = try browser.get("/")
        #expect(home.body.contains("Verifikator Kelurahan Pondok Karya") && home.body.contains("Anda sekarang bertindak sebagai"))
        #expect(!(try browser.get("/").body.contains("Anda sekarang bertindak sebagai")))   // the flash is shown once
        // The old id no longer works.
        let thief = world.browser()
        thief.cookies["sesi"] = firstToken
        #expect(!(try thief.get("/").body.contains("Masuk sebagai")))
        // Sign-out deletes the row and the cookie.
        let out = try browser.post("/keluar", [], csrf: try browser.get("/").csrf)
        #expect(out.status == 303 && browser.cookies["sesi"] == nil)
        #expect(try world.database.read { db in try db.scalar("SELECT count(*) FROM web_sessions") as Int? } == 0)
        let again = world.browser()
        again.cookies["sesi"] = secondToken
        #expect(try again.get("/peran").status == 303)
    }

    @Test func sessionsExpireWhenIdleAndAfterTheAbsoluteLimit() throws {
        var configuration = PortalConfiguration()
        configuration.idleTimeout = 3600
        configuration.absoluteTimeout = 3 * 3600
        let world = try PortalWorld(configuration: configuration)
        let browser = world.browser()
        try browser.signIn("warga1", world.password)
        world.clock.advance(3599)
        #expect(try browser.get("/").body.contains("Masuk sebagai"))
        world.clock.advance(3000)
        #expect(try browser.get("/").body.contains("Masuk sebagai"))             // used within the hour: still alive
        world.clock.advance(3601)
        #expect(!(try browser.get("/").body.contains("Masuk sebagai")))          // idle an hour: ended
        try browser.signIn("warga1", world.password)
        for _ in 0..<6 {
            world.clock.advance(1800)
            _ = try browser.get("/")
        }
        #expect(!(try browser.get("/").body.contains("Masuk sebagai")))          // 3 hours after sign-in: ended
    }

    @Test func pagesThatNeedAnAccountSendToTheSignInPageAndBack() throws {
        let world = try PortalWorld()
        let browser = world.browser()
        let page = try browser.get("/peran")
        #expect(page.status == 303 && page.location == "/masuk?kembali=/peran")
        let missing = try browser.get("/tidak/ada")
        #expect(missing.status == 404 && missing.body.contains("Halaman tidak ditemukan") && missing.body.contains("<html lang=\"id\">"))
        #expect(try browser.get("/").body.contains("Musrenbang 2027"))
    }

    @Test func aRouteRegisteredTwiceIsAStartUpError() {
        var routes = RouteTable()
        routes.get("/masuk") { _ in .text("a") }
        routes.get("/masuk") { _ in .text("b") }
        var router = Router()
        #expect(throws: RouteTable.DuplicateRoute.self) { try routes.register(into: &router) }
    }

    /// Many sign-ins at once: at most `concurrentPasswordChecks` hash together, and beyond `maxSignInsInProgress` a
    /// sign-in is answered at once ("sedang ramai") instead of taking another thread; page views go on meanwhile.
    @Test func manySignInsAtOnceDoNotStallPageViews() throws {
        var configuration = PortalConfiguration()
        configuration.concurrentPasswordChecks = 1
        configuration.maxSignInsInProgress = 4
        let world = try PortalWorld(configuration: configuration)
        let statuses = LockedList()
        let group = DispatchGroup()
        let pagesDone = LockedList()
        for index in 0..<24 {
            group.enter()
            Thread {
                let browser = world.browser(address: "10.1.0.\(index):1")
                let status = (try? browser.signIn("warga1", world.password).status) ?? -1
                statuses.append(status)
                group.leave()
            }.start()
        }
        for _ in 0..<5 { pagesDone.append((try? world.browser().get("/").status) ?? -1) }
        group.wait()
        #expect(pagesDone.values == [200, 200, 200, 200, 200])
        #expect(statuses.values.count == 24 && statuses.values.allSatisfy { $0 == 303 || $0 == 503 })
        #expect(statuses.values.contains(303))
    }
}

/// A lock-guarded list for test threads.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int] = []
    func append(_ value: Int) { lock.withLock { items.append(value) } }
    var values: [Int] { lock.withLock { items } }
}

@Suite struct PasswordCheckGateTests {
    /// While `maxInProgress` sign-ins are in progress the next one is refused at once, and admitted again after.
    @Test func beyondTheLimitASignInIsAnsweredAtOnce() throws {
        let gate = PasswordCheckGate(concurrentChecks: 1, maxInProgress: 2)
        let release = DispatchSemaphore(value: 0), started = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread {
                _ = try? gate.run { started.signal(); release.wait() }
                group.leave()
            }.start()
        }
        started.wait()                                  // one is checking, the other waits for the hashing slot
        for _ in 0..<500 where gate.inProgressCount < 2 { Thread.sleep(forTimeInterval: 0.01) }
        #expect(gate.inProgressCount == 2)
        #expect(throws: PortalError.busy) { try gate.run { 1 } }
        release.signal(); started.wait(); release.signal()
        group.wait()
        #expect(try gate.run { 7 } == 7)
    }
}
