import Foundation
import TestSupport
import Testing

/// What the browser tests check on every page they visit: no serious or critical axe-core violation, and HTML + CSS +
/// JS within the 100 KB budget (`docs/portal.md`); a screenshot of each page goes to `folder`. Each page's weight
/// is kept, and `report` lists them (the tests print it).
final class BrowserPageAudit {
    /// A page's HTML, stylesheets and scripts together, before images.
    static let budgetBytes = 100 * 1024

    let folder: String
    private(set) var weights: [(page: String, weight: PageWeight)] = []

    init(folder: String) { self.folder = folder }

    /// Audits the page the browser shows now as step `page` (also the screenshot's file name).
    func check(_ browser: BrowserSession, _ page: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = try browser.currentURL()
        let weight = try browser.pageWeight()
        weights.append((page, weight))
        #expect(weight.htmlBytes > 0, "\(page) \(url): no document bytes measured", sourceLocation: sourceLocation)
        #expect(weight.budgetedBytes <= Self.budgetBytes, "\(page) \(url) weighs \(weight), over \(Self.budgetBytes) B",
                sourceLocation: sourceLocation)
        // axe-core scrolls elements into view to measure their contrast: the screenshot puts the page back first.
        let scroll = try browser.execute("return [window.scrollX, window.scrollY];")
        let violations = try browser.accessibilityViolations(minimumImpact: .serious)
        #expect(violations.isEmpty, """
            \(page) \(url): \(violations.count) serious or critical accessibility violation(s):
            \(violations.map { "- \($0)" }.joined(separator: "\n"))
            """, sourceLocation: sourceLocation)
        try browser.execute("window.scrollTo(arguments[0][0], arguments[0][1]);", scroll)
        let shot = try browser.screenshot(to: (folder as NSString).appendingPathComponent("\(page).png"))
        #expect(shot > 1000, "\(page): screenshot", sourceLocation: sourceLocation)
    }

    /// One line per page checked: its name and weight.
    var report: String {
        weights.map { "\($0.page): \($0.weight)" }.joined(separator: "\n")
    }
}
