import Foundation

/// A headless Chromium driven through its own `chromedriver` (W3C WebDriver), for browser tests. Every call is
/// bounded in time; `close()` (call it in a `defer`) deletes the session and ends the driver.
public final class BrowserSession {
    /// Where Debian's `chromium` package puts the browser.
    public static let defaultChromium = "/usr/bin/chromium"

    /// Chromium's narrowest window; a narrower size is emulated as a phone's viewport.
    public static let minimumWindowWidth = 500

    /// The driver that owns the browser.
    public let driver: ChromeDriver
    /// The WebDriver session id.
    public let id: String
    /// Seconds any single command may take (page loads included).
    public let commandTimeout: TimeInterval
    private var closed = false

    private init(driver: ChromeDriver, id: String, commandTimeout: TimeInterval) {
        self.driver = driver
        self.id = id
        self.commandTimeout = commandTimeout
    }

    /// Starts `chromedriver` and a headless Chromium whose viewport is `width` x `height` CSS pixels (below 500 px
    /// wide, as an emulated phone); throws a readable error if either cannot start within `startTimeout` s in all.
    public static func start(width: Int = 1280, height: Int = 800, chromium: String = defaultChromium,
                             startTimeout: TimeInterval = 30, commandTimeout: TimeInterval = 15) throws -> BrowserSession {
        guard FileManager.default.isExecutableFile(atPath: chromium) else {
            throw WebDriverError("\(chromium) not found: install Debian's chromium and chromium-driver (bash .ci/run does)")
        }
        let started = Date()
        let driver = try ChromeDriver.start(timeout: min(10, startTimeout))
        var options: [String: Any] = [
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=\(width),\(height)",
                     "--no-proxy-server", "--no-first-run", "--disable-extensions", "--disable-background-networking"],
        ]
        if width < minimumWindowWidth {
            // Chromium's window is never narrower than 500 px: a phone's viewport is emulated instead (touch, mobile).
            options["mobileEmulation"] = ["deviceMetrics": ["width": width, "height": height, "pixelRatio": 1]]
        }
        let capabilities: [String: Any] = [
            "capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]],
        ]
        let remaining = max(5, startTimeout - Date().timeIntervalSince(started))
        let value: Any
        do {
            value = try driver.http.call("POST", "session", capabilities, timeout: remaining)
        } catch {
            let log = driver.log()
            driver.stop(browsersClosed: (error as? WebDriverError)?.code != nil)  // it answered: no browser left
            throw WebDriverError("Chromium did not start: \(error)\(log.isEmpty ? "" : "\nchromedriver log:\n\(log)")")
        }
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            driver.stop()
            throw WebDriverError("chromedriver answered a new session without an id: \(value)")
        }
        let session = BrowserSession(driver: driver, id: id, commandTimeout: commandTimeout)
        do {
            let milliseconds = Int(commandTimeout * 1000)
            try session.command("POST", "timeouts", ["pageLoad": milliseconds, "script": milliseconds, "implicit": 0])
        } catch {
            session.close()
            throw error
        }
        return session
    }

    /// Runs `body` with a new session and closes it afterwards, whether `body` returns or throws.
    public static func with<Result>(width: Int = 1280, height: Int = 800,
                                    _ body: (BrowserSession) throws -> Result) throws -> Result {
        let session = try start(width: width, height: height)
        defer { session.close() }
        return try body(session)
    }

    /// Deletes the session (which quits Chromium) and ends the driver. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        let deleted = (try? driver.http.call("DELETE", "session/\(id)", timeout: 10)) != nil
        driver.stop(browsersClosed: deleted)
    }

    deinit { close() }

    /// A command on this session (`path` relative to `/session/{id}/`), returning the answer's `value`.
    @discardableResult
    public func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> Any {
        let body = body ?? (method == "POST" ? [:] : nil)
        return try driver.http.call(method, "session/\(id)/\(path)", body, timeout: commandTimeout + 5)
    }

    /// The element reference in a WebDriver answer.
    func reference(_ value: Any, _ selector: String) throws -> WebElement {
        guard let id = (value as? [String: Any])?[WebElement.key] as? String else {
            throw WebDriverError("no element reference for \(selector): \(value)")
        }
        return WebElement(id: id, selector: selector)
    }

    /// A WebDriver answer that must be text.
    func string(_ value: Any, _ what: String) throws -> String {
        guard let text = value as? String else { throw WebDriverError("\(what): expected text, got \(value)") }
        return text
    }

    /// A number in a WebDriver answer (0 if it is none).
    func int(_ value: Any) -> Int {
        (value as? NSNumber)?.intValue ?? (value as? Int) ?? 0
    }
}
