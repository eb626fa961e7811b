import Foundation

/// Pages: where the browser is, what it loaded, scripts, waits and screenshots.
extension BrowserSession {
    /// Loads `url` and waits for the page's load event (at most `commandTimeout`).
    public func open(_ url: String) throws { try command("POST", "url", ["url": url]) }

    /// The URL of the current page.
    public func currentURL() throws -> String { try string(command("GET", "url"), "current URL") }

    /// The title of the current page.
    public func title() throws -> String { try string(command("GET", "title"), "title") }

    /// Resizes the browser window to `width` x `height` CSS pixels.
    public func setWindowSize(width: Int, height: Int) throws {
        try command("POST", "window/rect", ["width": width, "height": height])
    }

    /// The status of the document last loaded and the bytes it and its subresources took (Resource Timing).
    public func pageLoad() throws -> PageLoad {
        let value = try execute("""
            const entry = performance.getEntriesByType('navigation')[0];
            const rest = performance.getEntriesByType('resource').reduce((sum, r) => sum + (r.transferSize || 0), 0);
            return entry ? [entry.responseStatus || 0, entry.transferSize || 0, rest] : [0, 0, rest];
            """)
        guard let numbers = value as? [Any], numbers.count == 3 else { throw WebDriverError("no navigation entry: \(value)") }
        return PageLoad(status: int(numbers[0]), transferredBytes: int(numbers[1]), subresourceBytes: int(numbers[2]))
    }

    /// Runs `script` (a function body; `arguments[i]` are `arguments`) in the page and returns its result.
    @discardableResult
    public func execute(_ script: String, _ arguments: Any...) throws -> Any {
        try command("POST", "execute/sync", ["script": script, "args": arguments])
    }

    /// Polls `condition` every 50 ms until it holds; throws naming `what` after `timeout` seconds (default:
    /// the command timeout). For waits on the page, never a fixed sleep.
    public func waitUntil(_ what: String, timeout: TimeInterval? = nil, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout ?? commandTimeout)
        while true {
            if try condition() { return }
            guard Date() < deadline else { throw WebDriverError("timed out waiting for \(what); the browser is at \(whereItStands())") }
            usleep(50_000)
        }
    }

    /// The page's address, title and the start of its text, so a timeout says where the browser ended up.
    func whereItStands() -> String {
        let url = (try? currentURL()) ?? "?"
        let title = (try? self.title()) ?? "?"
        let text = ((try? execute("return document.body ? document.body.innerText.slice(0, 600) : ''")) as? String) ?? ""
        // A field the browser itself refuses (required, pattern, maxlength) keeps a form from being sent at all.
        let invalid = ((try? execute("return Array.from(document.querySelectorAll('form :invalid')).map(e => (e.id || e.name) + ': ' + e.validationMessage).join('; ')")) as? String) ?? ""
        return "\(url) (\"\(title)\")\(invalid.isEmpty ? "" : ", fields the browser refuses: \(invalid)"): \(text.replacingOccurrences(of: "\n", with: " | "))"
    }

    /// Waits until an element matches `selector` and returns it.
    public func waitForElement(_ selector: String, timeout: TimeInterval? = nil) throws -> WebElement {
        var found: WebElement?
        try waitUntil("an element \(selector)", timeout: timeout) {
            found = try elements(selector).first
            return found != nil
        }
        return found!
    }

    /// Saves a PNG of the visible page to `path` (creating its folder) and returns the number of bytes written.
    @discardableResult
    public func screenshot(to path: String) throws -> Int {
        let encoded = try string(command("GET", "screenshot"), "screenshot")
        guard let png = Data(base64Encoded: encoded), png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            throw WebDriverError("the screenshot is not a PNG")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try png.write(to: URL(fileURLWithPath: path))
        return png.count
    }
}
