import Foundation
import Storage
import TestSupport
import Testing

/// The real `musrenbang serve` on the demo city seeded at the pra-Musrenbang, a real socket and a real SQLite file:
/// several residents send proposals at once through the whole flow (form, check page, "Kirim usulan"), the server is
/// killed with SIGKILL once a number of confirmations have arrived while other submissions are in flight, and after a
/// restart on the same file every proposal whose confirmation (the 303 to its tracking code) reached its resident is
/// there, whole (its two events), and the file passes `musrenbang check`.
@Suite("Crash: SIGKILL during a burst of proposal submissions", .serialized)
struct SubmissionCrashTests {
    /// Residents sending at once, and the confirmations seen before the kill.
    static let clients = 6
    static let confirmationsBeforeKill = 30
    static let titlePrefix = "Uji ketahanan"

    @Test func everyConfirmedSubmissionSurvivesSIGKILL() throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("crash.sqlite")
        let seeded = try BuiltBinary.run(["seed-demo", "--db", path, "--migrations", ServedPortal.migrations, "--stage", "pra_musrenbang"])
        try #require(seeded.status == 0, "seed-demo failed: \(seeded.output.suffix(600))")
        let residents = Self.residents(in: seeded.output)
        try #require(residents.count >= Self.clients, "the seed printed \(residents.count) resident accounts")

        let portal = try ServedPortal.start(database: path)
        var portalAlive = true
        defer { if portalAlive { portal.stop() } }
        let clients = try residents.prefix(Self.clients).map { username, password in
            let client = PortalClient(port: portal.port, timeout: 30)
            try #require(try client.signIn(username, password), "\(username) could not sign in")
            return client
        }

        let burst = Burst()
        let group = DispatchGroup()
        for (index, client) in clients.enumerated() {
            DispatchQueue.global().async(group: group) { Self.submitUntilFailure(client, index: index, burst: burst) }
        }
        let reached = burst.waitForConfirmations(Self.confirmationsBeforeKill, deadline: Date().addingTimeInterval(90))
        #expect(portal.kill(), "the server should die by SIGKILL")
        portalAlive = false
        let inFlightAtKill = burst.inFlight
        #expect(group.wait(timeout: .now() + 60) == .success, "a client did not notice the dead server")
        try #require(reached, "only \(burst.confirmed.count) confirmations within 90 s; unexpected: \(burst.unexpected.prefix(3))")
        #expect(burst.unexpected.isEmpty, "answers other than the flow's own before the kill: \(burst.unexpected.prefix(3))")
        let confirmed = burst.confirmed

        // The same file again: every confirmed proposal's page answers its resident (whose session survived too).
        let restarted = try ServedPortal.start(database: path)
        for client in clients { client.port = restarted.port }
        for (index, code) in confirmed {
            let page = try clients[index].get("/usulan/saya/\(code)")
            #expect(page.status == 200 && page.body.contains(code), "\(code) was confirmed but its page answers \(page.status)")
        }
        restarted.stop()

        // And in the file: nothing confirmed is missing, each sent proposal is whole, and nothing appeared that was not
        // sent (at most the one submission each client had in flight may have committed without its answer arriving).
        var readOnly = Database.Configuration()
        readOnly.createIfMissing = false
        let database = try Database(path: path, configuration: readOnly)
        let stored = try database.read { db in
            try db.query("""
                SELECT p.tracking_code, p.status, (SELECT count(*) FROM proposal_events e WHERE e.proposal_id = p.id)
                FROM proposals p WHERE p.title LIKE ?
                """, [Self.titlePrefix + "%"]).map {
                (code: try $0.get(0, as: String.self), status: try $0.get(1, as: String.self), events: try $0.get(2, as: Int64.self))
            }
        }
        let storedCodes = Set(stored.map(\.code))
        let missing = confirmed.map(\.code).filter { !storedCodes.contains($0) }
        #expect(missing.isEmpty, "confirmed but missing after the crash: \(missing)")
        #expect(stored.allSatisfy { $0.status == "diajukan" && $0.events == 2 }, "a sent proposal without its two events: \(stored.filter { $0.events != 2 })")
        #expect(stored.count <= confirmed.count + Self.clients,
                "\(stored.count) stored for \(confirmed.count) confirmed and \(inFlightAtKill) in flight at the kill")
        #expect(try database.checkIntegrity().isOK)
        #expect(try BuiltBinary.run(["check", "--db", path]).status == 0)
    }

    /// The demo's resident accounts and passwords from the seed's table (`warga1.<kelurahan> warga ... PASSWORD`).
    static func residents(in output: String) -> [(String, String)] {
        output.split(separator: "\n").compactMap { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "|" })
            guard let first = words.first, first.hasPrefix("warga"), first.contains("."), words.count >= 3, let last = words.last
            else { return nil }
            return (String(first), String(last))
        }
    }

    /// One resident sending proposals one after another through the portal's flow until the server stops answering.
    static func submitUntilFailure(_ client: PortalClient, index: Int, burst: Burst) {
        var number = 0
        while true {
            number += 1
            do {
                // The form opens at the resident's home RT; the kamus select's first item is the activity.
                let form = try client.get("/usulan/baru")
                guard form.status == 200, let csrf = form.hiddenValue("_csrf"), let rt = form.hiddenValue("rt"),
                      let kamus = firstKamusOption(form.body) else {
                    return burst.unexpected("form: \(form.status)")
                }
                let answers = [("rt", rt), ("kamus", kamus), ("volume", "12"), ("title", "\(titlePrefix) \(index)-\(number)"),
                               ("problem", "Saluran tersumbat setiap hujan."), ("expected_output", "Saluran 12 meter"),
                               ("expected_outcome", "Jalan tidak tergenang"), ("location", "Gang Melati"), ("latitude", ""),
                               ("longitude", ""), ("beneficiaries", "80"), ("_csrf", csrf)]
                let check = try client.post("/usulan/baru", answers + [("aksi", "periksa")])
                guard check.status == 200, let token = check.hiddenValue("formulir") else {
                    return burst.unexpected("check page: \(check.status)")
                }
                burst.sending(+1)
                let sent = try client.post("/usulan/baru", answers + [("formulir", token), ("aksi", "kirim")])
                burst.sending(-1)
                let prefix = "/usulan/baru/terkirim/"
                guard sent.status == 303, let location = sent.header("location"), location.hasPrefix(prefix) else {
                    return burst.unexpected("kirim: \(sent.status) \(sent.header("location") ?? "")")
                }
                burst.confirm(index: index, code: String(location.dropFirst(prefix.count)))
            } catch {
                return  // the server is gone (refused, reset or cut off): this submission was not confirmed
            }
        }
    }

    /// The first kamus item of the select (after its empty "Pilih kegiatan" placeholder).
    static func firstKamusOption(_ body: String) -> String? {
        guard var searchFrom = body.range(of: "name=\"kamus\"")?.upperBound else { return nil }
        while let option = body.range(of: "<option value=\"", range: searchFrom..<body.endIndex) {
            let value = body[option.upperBound...].prefix { $0 != "\"" }
            if !value.isEmpty { return String(value) }
            searchFrom = option.upperBound
        }
        return nil
    }

    /// What the clients saw, shared with the test's thread, which waits for the confirmations to reach a number.
    final class Burst: @unchecked Sendable {
        private let condition = NSCondition()
        private var codes: [(index: Int, code: String)] = []
        private var refused: [String] = []
        private var sendingNow = 0

        var confirmed: [(index: Int, code: String)] { condition.lock(); defer { condition.unlock() }; return codes }
        var unexpected: [String] { condition.lock(); defer { condition.unlock() }; return refused }
        /// Final submissions sent and not yet answered.
        var inFlight: Int { condition.lock(); defer { condition.unlock() }; return sendingNow }

        func confirm(index: Int, code: String) {
            condition.lock()
            codes.append((index, code))
            condition.broadcast()
            condition.unlock()
        }

        func unexpected(_ what: String) {
            condition.lock()
            refused.append(what)
            condition.broadcast()
            condition.unlock()
        }

        func sending(_ change: Int) {
            condition.lock()
            sendingNow += change
            condition.unlock()
        }

        /// Waits until `count` confirmations arrived (true) or the deadline passed (false); an unexpected answer ends the
        /// wait early, as the burst will not reach the number then.
        func waitForConfirmations(_ count: Int, deadline: Date) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while codes.count < count && refused.isEmpty {
                if !condition.wait(until: deadline) { break }
            }
            return codes.count >= count
        }
    }
}
