import Foundation
import TestSupport
import Testing

/// The real `musrenbang serve` seen through headless Chromium (Debian's `chromium` and `chromium-driver`), at a
/// phone's width and a desktop's. Only what any home page shows is asserted (title, heading, text, stylesheet).
@Suite("Browser: home page in headless Chromium", .serialized)
struct BrowserHomePageTests {
    @Test func homePageLoadsAtPhoneAndDesktopWidths() throws {
        let portal = try ServedPortal.start()
        defer { portal.stop() }
        let screenshots = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: screenshots) }
        let audit = BrowserPageAudit(folder: screenshots)

        for (width, height) in [(360, 800), (1280, 800)] {
            try BrowserSession.with(width: width, height: height) { browser in
                try browser.open(portal.url("/"))
                let load = try browser.pageLoad()
                #expect(load.status == 200, "\(width)px")
                #expect(load.transferredBytes > 0, "\(width)px")
                #expect(load.subresourceBytes > 0, "the stylesheet, \(width)px")
                #expect(try browser.currentURL() == portal.url("/"))
                #expect(try browser.title().contains("e-Musrenbang"), "\(width)px")
                #expect(try !browser.text(of: "h1").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                #expect(try !browser.text(of: "body").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                #expect(try browser.attribute("lang", of: "html") == "id")

                // The window is the size asked for, and nothing is wider than it (no sideways scrolling).
                let widths = try browser.execute("return [window.innerWidth, document.documentElement.scrollWidth];") as? [Any]
                let viewport = (widths?.first as? NSNumber)?.intValue ?? -1
                let content = (widths?.last as? NSNumber)?.intValue ?? .max
                #expect(viewport == width, "viewport \(viewport) at --window-size=\(width)")
                #expect(content <= viewport, "content \(content) px wider than the \(viewport) px window")

                // axe-core finds nothing serious, and the page is within its weight.
                try audit.check(browser, "home-\(width)x\(height)")

                let path = (screenshots as NSString).appendingPathComponent("home-\(width)x\(height).png")
                let bytes = try browser.screenshot(to: path)
                #expect(bytes > 1000)
                let written = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
                #expect(written == bytes)
            }
        }
    }

    /// The helpers later browser tests rely on (fill, click, text, attribute, submit, waits), on a form of our own
    /// that submits to the real server.
    @Test func sessionHelpersDriveAForm() throws {
        let portal = try ServedPortal.start()
        defer { portal.stop() }
        let page = """
            <title>Formulir uji</title>
            <form method="get" action="\(portal.url("/"))">
              <label for="nama">Nama</label><input id="nama" name="nama" value="lama" required>
              <button type="button" id="sapa" onclick="document.querySelector('#salam').textContent = 'Halo, ' + nama.value">Sapa</button>
              <p id="salam"></p>
            </form>
            """
        try BrowserSession.with(width: 360, height: 800) { browser in
            try browser.open("data:text/html;charset=utf-8," + page.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(try browser.title() == "Formulir uji")
            #expect(try browser.attribute("name", of: "#nama") == "nama")
            #expect(try browser.attribute("placeholder", of: "#nama") == nil)
            try browser.fill("#nama", with: "Siti Aminah")
            try browser.click("#sapa")
            #expect(try browser.text(of: "#salam") == "Halo, Siti Aminah")
            #expect(try browser.elements("input").count == 1 && browser.elements("table").isEmpty)

            try browser.submit("form")
            #expect(try browser.currentURL() == portal.url("/?nama=Siti+Aminah"))
            _ = try browser.waitForElement("h1", timeout: 5)
            #expect(try browser.pageLoad().status == 200)
            #expect(throws: WebDriverError.self) { try browser.element("#tidak-ada") }
        }
    }

    /// A browser that cannot start makes the test fail soon, saying why (never a hang).
    @Test func aBrowserThatCannotStartFailsQuicklyAndSaysWhy() throws {
        let started = Date()
        let error = #expect(throws: WebDriverError.self) {
            try BrowserSession.start(chromium: "/bin/false", startTimeout: 20)
        }
        #expect(error?.description.contains("Chromium did not start") == true, "\(String(describing: error))")
        #expect(Date().timeIntervalSince(started) < 30)
        let missing = #expect(throws: WebDriverError.self) { try BrowserSession.start(chromium: "/nonexistent/chromium") }
        #expect(missing?.description.contains("chromium-driver") == true)
    }
}
