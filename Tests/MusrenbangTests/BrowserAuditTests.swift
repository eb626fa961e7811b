import Foundation
import TestSupport
import Testing

/// The checks every browser test runs on its pages (`BrowserPageAudit`) can fail: axe-core finds what a page breaks,
/// and a page's weight counts its HTML and its stylesheet, also when the stylesheet came from the cache.
@Suite("Browser: the accessibility audit and the page weight", .serialized)
struct BrowserAuditTests {
    @Test func axeCoreReportsWhatAPageBreaksBySeverity() throws {
        let broken = """
            <title>Halaman uji</title>
            <main><h1>Uji</h1>
            <p style="color:#bbb;background:#fff">Teks pucat yang sulit dibaca.</p>
            <input id="tanpa-label" type="text">
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            </main>
            """
        try BrowserSession.with(width: 360, height: 800) { browser in
            try browser.open("data:text/html;charset=utf-8," + broken.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            let serious = try browser.accessibilityViolations(minimumImpact: .serious)
            let rules = Set(serious.map(\.rule))
            #expect(rules.isSuperset(of: ["color-contrast", "label", "image-alt", "html-has-lang"]), "\(serious)")
            #expect(serious.allSatisfy { $0.impact >= .serious })
            #expect(serious.first { $0.rule == "label" }?.targets == ["#tanpa-label"])
            // A second audit of the same page reuses the injected script and finds the same.
            #expect(try Set(browser.accessibilityViolations().map(\.rule)) == rules)

            let fixed = broken.replacingOccurrences(of: "<title>", with: "<html lang=\"id\"><title>")
                .replacingOccurrences(of: "#bbb", with: "#333")
                .replacingOccurrences(of: "<input id=\"tanpa-label\"", with: "<label for=\"nama\">Nama</label><input id=\"nama\"")
                .replacingOccurrences(of: "<img ", with: "<img alt=\"Foto saluran\" ")
            try browser.open("data:text/html;charset=utf-8," + fixed.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(try browser.accessibilityViolations(minimumImpact: .serious).isEmpty)
        }
    }

    /// Without axe-core the audit fails and says how to get it, rather than passing pages it never checked.
    @Test func aMissingAxeCoreFailsSayingHowToGetIt() throws {
        let error = #expect(throws: WebDriverError.self) { try AxeCore.script(at: "/nonexistent/axe.min.js") }
        #expect(error?.description.contains("bash .ci/fetch-axe") == true, "\(String(describing: error))")
        #expect(try AxeCore.script().contains("axe.run"))
    }

    @Test func aPagesWeightIsItsHTMLAndItsStylesheetCachedOrNot() throws {
        let portal = try ServedPortal.start()
        defer { portal.stop() }
        let stylesheet = ServedPortal.repositoryRoot.appendingPathComponent("Public/css/site.css").path
        let stylesheetBytes = try #require(try FileManager.default.attributesOfItem(atPath: stylesheet)[.size] as? Int)
        try BrowserSession.with(width: 360, height: 800) { browser in
            for path in ["/masuk", "/daftar", "/masuk"] {  // the second /masuk takes the stylesheet from the cache
                try browser.open(portal.url(path))
                let weight = try browser.pageWeight()
                let document = try browser.executeAsync("""
                    const done = arguments[arguments.length - 1];
                    fetch(location.href).then(r => r.arrayBuffer()).then(b => done(b.byteLength));
                    """) as? Int
                // The same page fetched again differs only in its CSRF token, of the same length.
                #expect(weight.htmlBytes == document, "\(path): \(weight)")
                #expect(weight.styleAndScriptBytes == stylesheetBytes, "\(path): \(weight)")
                #expect(weight.imageBytes == 0)
                #expect(weight.budgetedBytes == weight.htmlBytes + stylesheetBytes)
            }
        }
    }
}
