import Foundation
import HTTPServer
import Musrenbang
import Portal
import Storage

/// `musrenbang serve`: runs the HTTP server until SIGTERM or SIGINT, then drains and exits.
enum ServeCommand: Command {
    static let name = "serve"
    static let summary = "serve the portal over HTTP"
    static let usage = """
        musrenbang serve [--db FILE] [--demo [--stage STAGE]] [--migrations DIR] [--host ADDRESS] [--port PORT]
                         [--public DIR] [--max-connections N] [--shutdown-timeout SECONDS]
                         [--header-timeout SECONDS] [--idle-timeout SECONDS] [--io-threads N] [--worker-threads N]
                         [--sign-in-threads N] [--heavy-threads N] [--page-nice N]
                         [--session-idle-minutes N] [--session-max-hours N] [--feedback-per-hour N] [--secure-cookies]
                         [--rehearsal-at YYYY-MM-DDTHH:MM] [--quiet]

          --db                SQLite database file, created and migrated at start (default musrenbang.sqlite)
          --demo              seed the Kota Tangerang Selatan demo first if the database lacks it
                              (its accounts' passwords are printed once, when created)
          --stage STAGE       with --demo: the current cycle's stage open today (pra_musrenbang, kelurahan,
                              kecamatan (default), opd), as for seed-demo
          --migrations        migrations directory (default ./Migrations, else the one above the binary)
          --host              address to listen on: 127.0.0.1 (default), 0.0.0.0, ::, ::1
          --port              TCP port (default 8080; 0 picks a free one)
          --public            folder of static assets (default Public/)
          --max-connections   connections served at once; more get 503 (default 16384)
          --shutdown-timeout  seconds given to in-flight requests on SIGTERM/SIGINT (default 10)
          --header-timeout    seconds to receive a request head (default 10)
          --idle-timeout      seconds a keep-alive connection may idle (default 15)
          --io-threads        event-loop threads (default: one per core, at most 4)
          --worker-threads    threads running pages and forms (default: three per core, at least 4); near the
                              number of cores keeps page times even under load
          --sign-in-threads   threads of the sign-in and registration forms, which wait for a password check,
                              at a lower CPU priority than pages (default 56; beyond all but 4 of them busy,
                              a sign-in is asked to try again)
          --heavy-threads     threads of exports, printouts, allocation runs, imports and forms with a body of
                              64 KiB or more (photos), at a lower CPU priority than pages; more of them wait their
                              turn (default 4)
          --page-nice         how far below the I/O threads pages run (nice, 0-9; default 5): the event loops then
                              send and read at once; exports run 5 and sign-ins 10 further below pages
          --session-idle-minutes  a session unused this long ends (default 120)
          --session-max-hours     a session ends this long after sign-in (default 12)
          --feedback-per-hour     feedback (/saran) accepted per client address within an hour (default 5)
          --secure-cookies    mark cookies Secure (serve behind TLS, e.g. nginx with HTTPS)
          --rehearsal-at      rehearsal: the portal's clock starts at this WIB date and time (e.g. 2027-01-20T09:00)
                              and runs on; every page says "Mode latihan". Only on a COPY of the real database
          --quiet             no access log on stderr
        Every option falls back to the environment, e.g. MUSRENBANG_PORT.
        """

    static func run(_ options: Options) throws {
        var configuration = ServerConfiguration()
        configuration.host = options.string("host", default: "127.0.0.1")
        configuration.port = try options.int("port", default: 8080)
        configuration.maxConnections = try options.int("max-connections", default: configuration.maxConnections)
        configuration.shutdownTimeout = try seconds(options, "shutdown-timeout", default: 10)
        configuration.headerTimeout = try seconds(options, "header-timeout", default: configuration.headerTimeout)
        configuration.idleTimeout = try seconds(options, "idle-timeout", default: configuration.idleTimeout)
        configuration.ioThreads = try options.int("io-threads", default: configuration.ioThreads)
        configuration.workerThreads = try options.int("worker-threads", default: max(4, 3 * ProcessInfo.processInfo.activeProcessorCount))
        guard (2...1024).contains(configuration.workerThreads) else { throw UsageError("--worker-threads must be 2...1024") }
        configuration.longRunningThreads = try options.int("sign-in-threads", default: 56)
        guard (5...1024).contains(configuration.longRunningThreads) else { throw UsageError("--sign-in-threads must be 5...1024") }
        // Priorities, highest first: the event loops (little work each, between every client and every worker), pages,
        // heavy work, password checks. Measured with bench/portal.sh (README): pages 5 below the loops tighten (a)'s p99.
        configuration.workerNice = Int32(try options.int("page-nice", default: 5))
        guard (0...9).contains(configuration.workerNice) else { throw UsageError("--page-nice must be 0...9") }
        configuration.heavyNice = configuration.workerNice + 5
        configuration.longRunningNice = configuration.workerNice + 10
        configuration.heavyThreads = try options.int("heavy-threads", default: 4)
        guard (1...256).contains(configuration.heavyThreads) else { throw UsageError("--heavy-threads must be 1...256") }
        var portalConfiguration = PortalConfiguration()
        portalConfiguration.idleTimeout = Double(try options.int("session-idle-minutes", default: 120)) * 60
        portalConfiguration.absoluteTimeout = Double(try options.int("session-max-hours", default: 12)) * 3600
        guard portalConfiguration.idleTimeout > 0, portalConfiguration.absoluteTimeout > 0 else {
            throw UsageError("--session-idle-minutes and --session-max-hours must be positive")
        }
        portalConfiguration.feedbackPerHour = try options.int("feedback-per-hour", default: portalConfiguration.feedbackPerHour)
        guard portalConfiguration.feedbackPerHour > 0 else { throw UsageError("--feedback-per-hour must be positive") }
        portalConfiguration.secureCookies = options.flag("secure-cookies")
        portalConfiguration.maxSignInsInProgress = configuration.longRunningThreads - 4
        guard (1...64).contains(configuration.ioThreads) else { throw UsageError("--io-threads must be 1...64") }
        guard (0...65535).contains(configuration.port) else { throw UsageError("--port must be 0...65535") }
        guard configuration.maxConnections > 0 else { throw UsageError("--max-connections must be positive") }
        let clock = try rehearsalClock(options)
        let quiet = options.flag("quiet")
        let log: @Sendable (String) -> Void = StandardMiddleware.standardErrorSink
        configuration.log = log
        portalConfiguration.log = log

        // The database first: a server that cannot open or migrate its data must not start.
        let opened = try DatabaseOptions.openMigrated(options)
        for migration in opened.applied { log("musrenbang: applied \(migration.fileName)") }
        if options.flag("demo") {
            try SeedDemoCommand.seed(opened.database, path: opened.path, options: options)
        }
        let database = opened.database

        let publicFolder = options.string("public", default: "Public/")
        let staticFiles: StaticFiles
        do {
            staticFiles = try StaticFiles(root: publicFolder)
        } catch {
            throw UsageError("--public: folder '\(publicFolder)' not found")
        }

        var router = Router()
        // Access lines are batched (at most 0.1 s late): one write(2) per request would cost more than serving it.
        let accessLog = BufferedLineWriter()
        if !quiet { router.use(StandardMiddleware.accessLog(accessLog.write)) }
        router.use(StandardMiddleware.securityHeaders())
        router.use(StandardMiddleware.errorPages(log: log))
        // Liveness and static files never block (no SQLite), so they run on the I/O threads without a hop
        // to the worker pool. Readiness asks the database, so it stays on the pool like every SQLite handler.
        router.get("/healthz", inline: true) { _ in .text("ok") }
        router.get("/readyz") { _ in
            do {
                _ = try database.read { try $0.scalar("SELECT 1", as: Int64.self) }
                return .text("ok")
            } catch {
                return .text("database unavailable", status: .serviceUnavailable)
            }
        }
        if let start = clock.rehearsalStart {
            log("musrenbang: REHEARSAL (mode latihan): the portal's clock starts at \(WIBTime.format(start)) and runs on")
        }
        let portal = try Portal(service: try MusrenbangService(database: database, clock: clock), configuration: portalConfiguration)
        try portal.install(into: &router)
        router.get("/*path", inline: true, staticFiles.handler())

        let server = try Server(configuration: configuration, responder: router)
        let trap = SignalTrap { signal in
            log("musrenbang: signal \(signal), shutting down")
            server.shutdown()
        }
        server.start()
        log("musrenbang: serving http://\(displayHost(configuration.host)):\(server.port)/ (public: \(staticFiles.root), database: \(opened.path))")
        server.wait()
        accessLog.flush()
        withExtendedLifetime(trap) {}
        log("musrenbang: stopped")
    }

    private static func seconds(_ options: Options, _ name: String, default fallback: Double) throws -> Double {
        guard let text = options.string(name) else { return fallback }
        guard let value = Double(text), value > 0 else { throw UsageError("--\(name) expects a positive number of seconds") }
        return value
    }

    /// The system clock, or with `--rehearsal-at` a clock that starts at that WIB moment (docs/deployment.md).
    private static func rehearsalClock(_ options: Options) throws -> WallClock {
        guard let text = options.string("rehearsal-at") else { return .system }
        guard let start = WIBInput.parse(text) else {
            throw UsageError("--rehearsal-at expects a date and time in WIB such as 2027-01-20T09:00, got '\(text)'")
        }
        return .rehearsal(startingAt: start)
    }

    private static func displayHost(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }
}
