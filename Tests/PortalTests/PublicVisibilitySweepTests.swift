import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage
import Testing

/// Every byte the public can reach, against the demo city at the kecamatan stage (published proposals beside drafts,
/// residents with NIK, phone and e-mail): a visitor without an account starts at the public entry points (pages,
/// exports, feeds) and follows every link of this site it is shown, page by page; no response may carry a resident's
/// NIK, phone number, e-mail address or name, or the tracking code of a proposal that is not published. New public
/// pages are covered as soon as a page links to them, or by adding their address to `entryPoints`.
@Suite struct PublicVisibilitySweepTests {
    /// Where a visitor can start: the public URLs of docs/portal.md and the exports and feeds they link to.
    static let entryPoints = [
        "/", "/usulan", "/lacak", "/pagu", "/rekap", "/data", "/data/usulan.csv", "/data/usulan.csv?sep=,", "/data/usulan.json",
        "/data/pagu.csv", "/pengumuman", "/pengumuman.atom", "/jadwal", "/jadwal.ics", "/saran", "/saran/statistik",
    ]
    /// At most this many addresses of one shape (digits and codes blanked) are fetched: the pages of 1,500 proposals
    /// all have the same template.
    static let perShape = 6
    static let maxFetches = 1_500

    /// The personal data of the demo's residents and the codes of its unpublished proposals.
    struct Secrets {
        var personal: [String] = []
        var unpublishedCodes: [String] = []
        /// A few published proposals' codes: their pages start the sweep too.
        var publishedCodes: [String] = []
    }

    static func secrets(_ database: Database, service: MusrenbangService) throws -> Secrets {
        try database.read { db in
            var secrets = Secrets()
            for row in try db.query("SELECT nik, phone, email FROM accounts") {
                for index in 0..<3 {
                    let value: String? = try row.get(index)
                    if let value, value.count >= 6 { secrets.personal.append(value) }
                }
                let phone: String? = try row.get(1)
                if let phone, phone.hasPrefix("+62") { secrets.personal.append("0" + phone.dropFirst(3)) }
            }
            // Residents' names (staff act in public by role and unit, residents never by name).
            for row in try db.query("""
                SELECT DISTINCT a.display_name FROM accounts a JOIN account_roles r ON r.account_id = a.id WHERE r.role = 'warga'
                UNION SELECT DISTINCT proposer_name FROM proposals WHERE proposer_name IS NOT NULL
                """) {
                let name: String? = try row.get(0)
                if let name, name.count >= 8 { secrets.personal.append(name) }
            }
            // The name and contact people gave with their feedback (docs/feedback.md): for the staff who answer, never public.
            for row in try db.query("SELECT sender_name, sender_contact FROM feedback") {
                let name: String? = try row.get(0), contact: String? = try row.get(1)
                if let name, name.count >= 8 { secrets.personal.append(name) }
                if let contact { secrets.personal.append(contact) }
                if let contact, contact.hasPrefix("+62") { secrets.personal.append("0" + contact.dropFirst(3)) }
            }
            for row in try db.query("SELECT id, tracking_code FROM proposals") {
                let id = ProposalID(try row.get(0))
                if (try? service.publicProposal(.id(id), viewer: .public)) == nil {
                    secrets.unpublishedCodes.append(try row.get(1))
                } else if secrets.publishedCodes.count < 5 {
                    secrets.publishedCodes.append(try row.get(1))
                }
            }
            return secrets
        }
    }

    @Test func noPublicByteCarriesPersonalDataOrUnpublishedProposals() throws {
        let directory = NSTemporaryDirectory() + "visibility-sweep-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try Database(path: directory + "/demo.sqlite")
        try Migrator(directory: PortalWorld.migrations).migrate(database)
        _ = try DemoSeeder(database: database, hashCost: 1, stage: .kecamatan).run()
        let service = try MusrenbangService(database: database)
        let portal = try Portal(service: service, configuration: PortalConfiguration())
        var router = Router()
        try portal.install(into: &router)

        let secrets = try Self.secrets(database, service: service)
        #expect(secrets.personal.count > 50, "the demo has residents' NIK, phones, e-mails and names to guard")
        #expect(!secrets.unpublishedCodes.isEmpty, "the demo has drafts, which are never public")
        #expect(try service.database.read { try $0.scalar("SELECT count(*) FROM proposals WHERE status <> 'draf'", as: Int64.self) ?? 0 } > 100)

        var queue = Self.entryPoints + secrets.publishedCodes.map { "/usulan/\($0)" }
        var seen = Set(queue)
        var shapes: [String: Int] = [:]
        var fetched: [String: Int] = [:]
        var leaks: [String] = []
        var index = 0
        while index < queue.count, fetched.count < Self.maxFetches {
            let target = queue[index]
            index += 1
            let (status, body) = try Self.get(target, router)
            fetched[target] = status
            #expect(status < 500, "\(target) answered \(status)")
            for secret in secrets.personal where Self.occurs(secret, in: body) { leaks.append("\(target): personal data \"\(secret)\"") }
            for code in secrets.unpublishedCodes where Self.occurs(code, in: body) { leaks.append("\(target): unpublished \(code)") }
            guard status == 200 else { continue }
            for link in Self.links(in: body) where !seen.contains(link) {
                seen.insert(link)
                let shape = Self.shape(link)
                guard shapes[shape, default: 0] < Self.perShape else { continue }
                shapes[shape, default: 0] += 1
                queue.append(link)
            }
        }
        #expect(leaks.isEmpty, "\(leaks.prefix(20).joined(separator: "\n"))")
        // The sweep really reached the public pages: published proposals' own pages and the tracking form.
        #expect(fetched.filter { $0.key.hasPrefix("/usulan/TGS-") && $0.value == 200 }.count >= 3, "\(fetched.keys.sorted().prefix(40))")
        #expect(fetched["/"] == 200 && fetched["/lacak"] == 200)
    }

    /// Whether `text`'s bytes occur in `body`, by the C library's `strstr` (the exports are megabytes and the secrets
    /// hundreds: `String.contains` would take minutes). A NUL in a body would end its search early: none is sent.
    static func occurs(_ text: String, in body: String) -> Bool {
        body.withCString { haystack in text.withCString { strstr(haystack, $0) != nil } }
    }

    /// The response to a visitor without cookies, streamed bodies gathered.
    static func get(_ target: String, _ router: Router) throws -> (Int, String) {
        var headers = HTTPHeaders()
        headers.add("Host", "portal.test")
        let request = try HTTPRequest(method: .get, target: target, headers: headers, body: .empty, remoteAddress: "10.9.0.1:1")
        let response = try router.respond(to: request)
        var bytes: [UInt8] = []
        switch response.body {
        case .empty: break
        case .bytes(let sent): bytes = sent
        case .file(let path): bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        case .stream(let produce):
            let collected = Collected()
            try produce(ChunkWriter { collected.append($0) })
            bytes = collected.bytes
        }
        return (response.status.code, String(decoding: bytes, as: UTF8.self))
    }

    /// The same-site addresses of `href` and `src` attributes, entities undone, fragments dropped; not the sign-in,
    /// registration or staff pages (they only send a visitor to sign in), not static files.
    static func links(in body: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = body[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                rest = rest[start.upperBound...]
                var link = String(value).replacingOccurrences(of: "&amp;", with: "&")
                if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
                guard link.hasPrefix("/"), !link.hasPrefix("//") else { continue }
                let excluded = ["/masuk", "/daftar", "/keluar", "/kerja", "/peran", "/css/", "/js/", "/img/", "/usulan/baru", "/usulan/saya"]
                guard !excluded.contains(where: { link.hasPrefix($0) }) else { continue }
                links.append(link)
            }
        }
        return links
    }

    /// `link` with its digits blanked and its query values dropped: one shape per template.
    static func shape(_ link: String) -> String {
        let parts = link.split(separator: "?", maxSplits: 1)
        let path = String(parts[0].map { $0.isNumber ? "#" : $0 })
        guard parts.count > 1 else { return path }
        let keys = parts[1].split(separator: "&").map { $0.split(separator: "=", maxSplits: 1)[0] }.sorted()
        return path + "?" + keys.joined(separator: "&")
    }
}

/// Bytes gathered from a streamed body (the producer runs on the calling thread).
private final class Collected: @unchecked Sendable {
    var bytes: [UInt8] = []
    func append(_ chunk: [UInt8]) { bytes += chunk }
}
