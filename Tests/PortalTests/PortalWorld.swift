import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage

/// A migrated database in a temporary folder with a small city (one kecamatan, one kelurahan with RW 1 / RT 1), a
/// cycle, and accounts; the portal installed on a router, driven in-process with real requests.
final class PortalWorld: @unchecked Sendable {
    static let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Migrations").path
    let directory: String
    let database: Database
    let clock: ManualClock
    let service: MusrenbangService
    let portal: Portal
    let router: Router
    let password = "kata-sandi-uji-123"
    let kelurahan: KelurahanID
    let kecamatan: KecamatanID

    init(configuration: PortalConfiguration = PortalConfiguration()) throws {
        directory = NSTemporaryDirectory() + "portal-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = try Database(path: directory + "/portal.sqlite")
        try Migrator(directory: Self.migrations).migrate(database)
        clock = ManualClock(WIBTime.date(year: 2026, month: 12, day: 10, hour: 9))
        service = try MusrenbangService(database: database, clock: .manual(clock), hasher: PasswordHasher(cost: 1))
        let (kecamatan, kelurahan) = try database.write { db in
            let wilayah = WilayahRepository(db)
            let kota = try wilayah.insertKota(code: "TGS", name: "Kota Tangerang Selatan")
            let kecamatan = try wilayah.insertKecamatan(kotaId: kota, code: "CPT", name: "Ciputat Timur")
            let kelurahan = try wilayah.insertKelurahan(kecamatanId: kecamatan, code: "PK", name: "Pondok Karya")
            let rw = try wilayah.insertRW(kelurahanId: kelurahan, number: 1)
            _ = try wilayah.insertRT(rwId: rw, number: 1)
            let windows = Stage.allCases.enumerated().map { index, stage in
                StageWindow(stage: stage, opensAt: WIBTime.date(year: 2026, month: 12, day: 1 + index * 5),
                            closesAt: WIBTime.date(year: 2026, month: 12, day: 6 + index * 5))
            }
            _ = try CycleRepository(db).insert(kotaId: kota, planYear: 2027, budgetYear: 2028, name: "Musrenbang 2027",
                                               windows: windows, at: WIBTime.date(year: 2026, month: 11, day: 1))
            return (kecamatan, kelurahan)
        }
        self.kecamatan = kecamatan
        self.kelurahan = kelurahan
        try service.createAccount(username: "warga1", displayName: "Siti <Aminah>", roles: [try RoleAssignment(role: .warga, scope: .selfOnly)],
                                  password: password)
        try service.createAccount(username: "op.pk", displayName: "Budi Operator", roles: [
            try RoleAssignment(role: .operatorKelurahan, scope: .kelurahan(kelurahan)),
            try RoleAssignment(role: .verifikatorKelurahan, scope: .kelurahan(kelurahan)),
        ], password: password)
        portal = try Portal(service: service, configuration: configuration)
        var router = Router()
        try portal.install(into: &router)
        self.router = router
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// A browser: keeps cookies between requests, sends forms with the page's CSRF token.
    func browser(address: String = "10.0.0.7:40000") -> TestBrowser { TestBrowser(router: router, address: address) }
}

/// A cookie-keeping client of the in-process router.
final class TestBrowser: @unchecked Sendable {
    let router: Router
    let address: String
    var cookies: [String: String] = [:]

    init(router: Router, address: String) { self.router = router; self.address = address }

    struct Page {
        let status: Int
        let headers: HTTPHeaders
        let body: String
        /// The body as sent (photos and other binary answers).
        let bytes: [UInt8]
        var location: String? { headers["Location"] }
        /// The value of the hidden `_csrf` field on the page.
        var csrf: String? {
            guard let range = body.range(of: "name=\"_csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func get(_ target: String) throws -> Page { try send(.get, target, body: nil, headers: [:]) }

    /// POSTs `fields` (URL-encoded), adding `_csrf` from `csrf` unless the fields carry one.
    func post(_ target: String, _ fields: [(String, String)], csrf: String?, headers: [String: String] = ["Origin": "http://portal.test"]) throws -> Page {
        var all = fields
        if let csrf, !fields.contains(where: { $0.0 == "_csrf" }) { all.append(("_csrf", csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var extra = headers
        extra["Content-Type"] = "application/x-www-form-urlencoded"
        return try send(.post, target, body: Array(body.utf8), headers: extra)
    }

    /// POSTs `fields` and `files` as `multipart/form-data`, adding `_csrf` from `csrf` unless the fields carry one.
    func postMultipart(_ target: String, _ fields: [(String, String)], files: [MultipartFile], csrf: String?,
                       headers: [String: String] = ["Origin": "http://portal.test"]) throws -> Page {
        var all = fields
        if let csrf, !fields.contains(where: { $0.0 == "_csrf" }) { all.append(("_csrf", csrf)) }
        let boundary = "----batas" + String(UInt64.random(in: 1...UInt64.max), radix: 16)
        var body: [UInt8] = []
        for (name, value) in all {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.fileName)\"\r\n"
                           + "Content-Type: \(file.contentType)\r\n\r\n").utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var extra = headers
        extra["Content-Type"] = "multipart/form-data; boundary=\(boundary)"
        return try send(.post, target, body: body, headers: extra)
    }

    private func send(_ method: HTTPMethod, _ target: String, body: [UInt8]?, headers: [String: String]) throws -> Page {
        var fields = HTTPHeaders()
        fields.add("Host", "portal.test")
        if !cookies.isEmpty { fields.add("Cookie", cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")) }
        for (name, value) in headers { fields.add(name, value) }
        let request = try HTTPRequest(method: method, target: target, headers: fields, body: body.map { .bytes($0) } ?? .empty,
                                      remoteAddress: address)
        let response = try router.respond(to: request)
        for header in response.headers.values("Set-Cookie") {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if header.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair.count > 1 ? pair[1] : "" }
        }
        var bytes: [UInt8] = []
        if case .bytes(let sent) = response.body { bytes = sent }
        if case .file(let path) = response.body { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
        if case .stream(let produce) = response.body {
            let chunks = ChunkCollector()
            try produce(ChunkWriter { chunks.append($0) })
            bytes = chunks.bytes
        }
        return Page(status: response.status.code, headers: response.headers, body: String(decoding: bytes, as: UTF8.self), bytes: bytes)
    }

    /// Signs in through the form (GET for the token, then POST).
    @discardableResult
    func signIn(_ username: String, _ password: String, returnTo: String = "/") throws -> Page {
        let form = try get("/masuk?kembali=" + Self.encode(returnTo))
        return try post("/masuk", [("nama_pengguna", username), ("kata_sandi", password), ("kembali", returnTo)], csrf: form.csrf)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The pieces of a streamed body, in order (a test's `ChunkWriter` sink).
final class ChunkCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [[UInt8]] = []

    func append(_ chunk: [UInt8]) { lock.withLock { collected.append(chunk) } }

    var chunks: [[UInt8]] { lock.withLock { collected } }
    var bytes: [UInt8] { chunks.flatMap { $0 } }
}
