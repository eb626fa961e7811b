import Foundation

/// A `chromedriver` child process listening on a free port of 127.0.0.1, ready (its `/status` says so) once
/// `start` returns. `stop()` ends it; call it in a `defer`. It and its Chromium keep their files (log, profile,
/// sockets) in a temporary folder of their own (`TMPDIR`), removed by `stop()`.
public final class ChromeDriver {
    /// Where Debian's `chromium-driver` puts the driver.
    public static let defaultExecutable = "/usr/bin/chromedriver"

    /// The client for its WebDriver endpoint.
    public let http: WebDriverHTTP
    private let process: Process
    private let directory: String
    private var logPath: String { (directory as NSString).appendingPathComponent("chromedriver.log") }

    private init(process: Process, http: WebDriverHTTP, directory: String) {
        self.process = process
        self.http = http
        self.directory = directory
    }

    /// Starts the driver and waits (at most `timeout` seconds) until it answers ready; throws with its log when it
    /// is missing, exits, or stays unready.
    public static func start(executable: String = defaultExecutable, timeout: TimeInterval = 10) throws -> ChromeDriver {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw WebDriverError("\(executable) not found: install Debian's chromium and chromium-driver (bash .ci/run does)")
        }
        var lastError: Error = WebDriverError("chromedriver did not start")
        for _ in 0..<3 {  // the free port may be taken in between; try another
            let port = try FreePort.next()
            let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("chromedriver-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let logPath = (directory as NSString).appendingPathComponent("chromedriver.log")
            guard FileManager.default.createFile(atPath: logPath, contents: nil) else {
                throw WebDriverError("cannot create \(logPath)")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-level=WARNING"]
            let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
            process.standardOutput = log
            process.standardError = log
            process.standardInput = FileHandle.nullDevice
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": directory]) { $1 }
            try process.run()
            try? log.close()
            let driver = ChromeDriver(process: process, http: WebDriverHTTP(port: port), directory: directory)
            do {
                try driver.waitUntilReady(timeout: timeout)
                return driver
            } catch {
                lastError = error
                driver.stop()
            }
        }
        throw lastError
    }

    /// Polls `GET /status` until `ready` is true; throws with the driver's log if it exits or the time runs out.
    private func waitUntilReady(timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard process.isRunning else {
                throw WebDriverError("chromedriver exited with status \(process.terminationStatus): \(log())")
            }
            if let status = try? http.call("GET", "status", timeout: 1) as? [String: Any], status["ready"] as? Bool == true {
                return
            }
            usleep(50_000)  // polling a condition with a deadline, not standing in for one
        }
        throw WebDriverError("chromedriver not ready within \(Int(timeout)) s: \(log())")
    }

    /// The last lines the driver logged (for error messages).
    public func log() -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// Ends the driver and removes its folder. Safe to call more than once. `browsersClosed`: its sessions are deleted,
    /// so it is killed at once (its own exit takes ~2 s); otherwise SIGTERM lets it end Chromium (SIGKILL after 3 s).
    public func stop(browsersClosed: Bool = false) {
        if process.isRunning && browsersClosed {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
