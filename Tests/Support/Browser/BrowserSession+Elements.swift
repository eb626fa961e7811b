import Foundation

/// Elements of the current page, found by CSS selector: read them, type into them, click and submit.
extension BrowserSession {
    /// The first element matching the CSS `selector`; throws if there is none.
    public func element(_ selector: String) throws -> WebElement {
        let value = try command("POST", "element", ["using": "css selector", "value": selector])
        return try reference(value, selector)
    }

    /// Every element matching the CSS `selector`, in document order (empty if none).
    public func elements(_ selector: String) throws -> [WebElement] {
        let value = try command("POST", "elements", ["using": "css selector", "value": selector])
        guard let list = value as? [Any] else { throw WebDriverError("elements \(selector): unexpected answer \(value)") }
        return try list.map { try reference($0, selector) }
    }

    /// The rendered text of the first element matching `selector`.
    public func text(of selector: String) throws -> String {
        try string(command("GET", "element/\(element(selector).id)/text"), "text of \(selector)")
    }

    /// The attribute `name` of the first element matching `selector`, nil when it has none.
    public func attribute(_ name: String, of selector: String) throws -> String? {
        try command("GET", "element/\(element(selector).id)/attribute/\(name)") as? String
    }

    /// Clears the input matching `selector` and types `text` into it, as a user would.
    public func fill(_ selector: String, with text: String) throws {
        let target = try element(selector)
        try command("POST", "element/\(target.id)/clear")
        try command("POST", "element/\(target.id)/value", ["text": text])
    }

    /// Clicks the element matching `selector` (scrolled into view first, as WebDriver does). If the click
    /// navigates, the call returns once the new page has loaded.
    public func click(_ selector: String) throws {
        try command("POST", "element/\(element(selector).id)/click")
    }

    /// Submits the form matching `selector` (or the form of the element matching it) as its submit button would,
    /// running the browser's validation, then waits until the page that answers has loaded.
    public func submit(_ selector: String) throws {
        let target = try element(selector)
        try waitingForNextPage("the form \(selector) to be answered") {
            try execute("const form = arguments[0].form || arguments[0]; setTimeout(() => form.requestSubmit(), 0);", target.json)
        }
    }

    /// Clicks `selector` (a button or link that leads to another page) and waits until that page has loaded, so that
    /// what is read next is never the page clicked on.
    public func clickToNextPage(_ selector: String) throws {
        try waitingForNextPage("the page after \(selector)") { try click(selector) }
    }

    /// Runs `action`, then waits until a new document (another `performance.timeOrigin`) has loaded completely.
    private func waitingForNextPage(_ what: String, _ action: () throws -> Void) throws {
        let before = try execute("return performance.timeOrigin;")
        try action()
        try waitUntil(what) {
            // While the next page loads a script may find no document to run in: keep waiting.
            let now = try? self.execute("return document.readyState === 'complete' ? performance.timeOrigin : null;")
            guard let origin = now, !(origin is NSNull) else { return false }
            return "\(origin)" != "\(before)"
        }
    }
}
