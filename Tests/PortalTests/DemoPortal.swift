import Foundation
import HTTPServer
import Musrenbang
@testable import Portal
import Storage

/// The demo city (Kota Tangerang Selatan: a finished cycle and one in its kecamatan Musrenbang, both moved through the
/// real workflow, residents with NIK, phone and e-mail) with the portal installed on a router. The city is seeded once
/// per test process; each `DemoPortal` works on its own copy, so a test may change it. The clock starts at the seed's
/// day.
final class DemoPortal: @unchecked Sendable {
    /// 20 February 2027, 10.00 WIB: the seed's day.
    static let runDate = WIBTime.date(year: 2027, month: 2, day: 20, hour: 10)

    let directory: String
    let database: Database
    let clock: ManualClock
    let service: MusrenbangService
    let router: Router
    let credentials: [DemoCredential]

    private struct Template: Sendable {
        let path: String
        let credentials: [DemoCredential]
    }

    /// The seeded file every `DemoPortal` copies (seeded on first use).
    private static let template: Result<Template, any Error> = Result {
        let directory = NSTemporaryDirectory() + "demo-portal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = try Database(path: directory + "/seeding.sqlite")
        try Migrator(directory: PortalWorld.migrations).migrate(database)
        let report = try DemoSeeder(database: database, runDate: runDate, hashCost: 1).run()
        let path = directory + "/demo.sqlite"
        try database.backup(to: path)
        return Template(path: path, credentials: report.credentials)
    }

    init() throws {
        let template = try Self.template.get()
        directory = NSTemporaryDirectory() + "demo-portal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: template.path, toPath: directory + "/portal.sqlite")
        database = try Database(path: directory + "/portal.sqlite")
        clock = ManualClock(Self.runDate)
        service = try MusrenbangService(database: database, clock: .manual(clock), hasher: PasswordHasher(cost: 1))
        credentials = template.credentials
        let portal = try Portal(service: service)
        var router = Router()
        try portal.install(into: &router)
        self.router = router
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func browser(address: String = "10.0.0.8:40000") -> TestBrowser { TestBrowser(router: router, address: address) }

    /// A browser signed in as the demo account `username`.
    func signedIn(_ username: String, address: String = "10.0.0.9:40000") throws -> TestBrowser {
        let browser = self.browser(address: address)
        guard let credential = credentials.first(where: { $0.username == username }) else { throw PersistenceError.notFound(username) }
        try browser.signIn(username, credential.password)
        return browser
    }

    /// The cycle planning `budgetYear` (2027: the finished one; 2028: the one in progress).
    func cycle(budgetYear: Int) throws -> Cycle {
        guard let cycle = try service.cycles().first(where: { $0.budgetYear == budgetYear }) else {
            throw PersistenceError.notFound("siklus \(budgetYear)")
        }
        return cycle
    }
}
