import Foundation
import TestSupport
import Testing

/// The public side in headless Chromium, against the real `musrenbang serve --demo` seeded at the kecamatan stage
/// (the demo city's proposals are published then; the resident's journey runs in the pra-Musrenbang, when nothing is):
/// from the home page's search box to the list `/usulan`, its filters without script, and a proposal's page with its
/// timeline, then the recap with its charts (the whole city, a kecamatan, the printout) and the ceilings. Every page is
/// audited like the journey's (axe-core, weight, screenshot) at a phone's width and a desktop's.
@Suite("Browser: the public finds a proposal through /usulan and reads the recap", .serialized)
struct BrowserPublicBrowseTests {
    @Test func searchTheListOpenAProposalsTimelineAndReadTheRecap() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-public-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let portal = try ServedPortal.start(demo: true, arguments: ["--stage", "kecamatan"], timeout: 300)
        defer { portal.stop() }
        let audit = BrowserPageAudit(folder: folder)
        defer { print("Page weights of the public's search (HTML + CSS + JS):\n\(audit.report)") }
        /// Nothing is wider than the window.
        func fits(_ browser: BrowserSession, _ step: String) throws {
            let widths = try browser.execute("return [window.innerWidth, document.documentElement.scrollWidth];") as? [Any]
            let content = (widths?.last as? NSNumber)?.intValue ?? .max
            #expect(content <= (widths?.first as? NSNumber)?.intValue ?? 0, "\(step): \(content) px wide")
        }

        /// The recap's three charts (funnel, ceilings' use, bidang) drawn, each with its table right after it.
        func charts(_ browser: BrowserSession, _ step: String) throws {
            let figures = try browser.execute("""
                return Array.from(document.querySelectorAll('figure.chart')).map(function (figure) {
                    var svg = figure.querySelector('svg'), box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
                    var next = figure.nextElementSibling, table = next ? next.querySelector('table') : null;
                    return [box.width, box.height, table ? table.rows.length : 0, svg ? svg.querySelectorAll('rect').length : 0];
                });
                """) as? [[Any]] ?? []
            #expect(figures.count == 3, "\(step): \(figures.count) charts")
            for (index, figure) in figures.enumerated() {
                let numbers = figure.map { ($0 as? NSNumber)?.doubleValue ?? 0 }
                #expect(numbers.count == 4 && numbers[0] > 100 && numbers[1] > 50, "\(step): chart \(index + 1) is \(numbers) (width, height)")
                #expect(numbers.count == 4 && numbers[2] >= 2 && numbers[3] >= 2, "\(step): chart \(index + 1) has \(numbers) (table rows, bars)")
            }
        }

        try BrowserSession.with(width: 360, height: 800) { browser in
            // The home page: the cycle's figures and the search box.
            try browser.open(portal.url("/"))
            _ = try browser.waitForElement("dl.figures")
            try audit.check(browser, "01-beranda")
            // The list, newest first: take one proposal to look for.
            try browser.open(portal.url("/usulan"))
            _ = try browser.waitForElement("ol.results")
            #expect(try browser.text(of: "#hasil").hasSuffix("usulan"))
            try fits(browser, "daftar")
            try audit.check(browser, "02-daftar")
            let code = try browser.text(of: "ol.results li .code")
            let title = try browser.text(of: "ol.results li h3 a")

            // The public types its title into the home page's box and finds it in the list.
            try browser.open(portal.url("/"))
            try browser.fill("#cari-q", with: title)
            try browser.submit("#cari-q")
            _ = try browser.waitForElement("#hasil")
            #expect(try browser.currentURL().contains("/usulan?q="))
            #expect(try browser.text(of: "#hasil").contains("cocok dengan"))
            #expect(try browser.attribute("value", of: "#q") == title)
            #expect(try !browser.elements("ol.results a[href='/usulan/\(code)']").isEmpty, "\(code) found by its title")
            try fits(browser, "cari")
            try audit.check(browser, "03-cari")

            // Narrowed without script: the filters open, funded only, by cost; the search is kept.
            try browser.click("details.filters summary")
            try browser.execute("document.querySelector('#didanai').value = 'ya'; document.querySelector('#urut').value = 'biaya-turun';")
            try browser.clickToNextPage("details.filters button[type=submit]")
            _ = try browser.waitForElement("#hasil")
            let narrowed = try browser.currentURL()
            #expect(narrowed.contains("didanai=ya") && narrowed.contains("urut=biaya-turun") && narrowed.contains("q="), "\(narrowed)")
            try audit.check(browser, "04-saring")

            // The proposal's own page, with its decisions and its whole timeline.
            try browser.open(portal.url("/usulan?q=" + (title.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))
            try browser.click("ol.results a[href='/usulan/\(code)']")
            _ = try browser.waitForElement("ol.timeline")
            #expect(try browser.currentURL() == portal.url("/usulan/\(code)"))
            #expect(try browser.text(of: "h1") == title)
            #expect(try !browser.elements("ol.timeline li").isEmpty)
            try fits(browser, "usulan")
            try audit.check(browser, "05-usulan")

            // The recap from the header, its charts beside their tables, on a phone.
            try browser.click("nav.public a[href='/rekap']")
            _ = try browser.waitForElement("figure.chart svg")
            try charts(browser, "rekap")
            try fits(browser, "rekap")
            try audit.check(browser, "07-rekap")
            // A kecamatan's recap from the whole city's list, with its kelurahan.
            try browser.clickToNextPage("ul.area-links a")
            _ = try browser.waitForElement("#rekap-kelurahan")
            #expect(try browser.currentURL().contains("kecamatan="))
            #expect(try !browser.elements("table.recap tbody tr").isEmpty)
            try charts(browser, "rekap kecamatan")
            try fits(browser, "rekap kecamatan")
            try audit.check(browser, "08-rekap-kecamatan")
            // The ceilings with their formula.
            try browser.click("nav.public a[href='/pagu']")
            _ = try browser.waitForElement("table.ceiling-inputs")
            #expect(try browser.currentURL() == portal.url("/pagu"))
            try fits(browser, "pagu")
            try audit.check(browser, "09-pagu")
        }
        // The list on a desktop's width, filtered from a shared address.
        try BrowserSession.with(width: 1280, height: 800) { browser in
            try browser.open(portal.url("/usulan?didanai=ya&urut=biaya-turun"))
            _ = try browser.waitForElement("ol.results")
            try fits(browser, "desktop")
            try audit.check(browser, "06-daftar-desktop")
            // The recap, its printout and the ceilings at a desktop's width.
            for (path, name) in [("/rekap", "10-rekap-desktop"), ("/rekap/cetak", "11-rekap-cetak"), ("/pagu", "12-pagu-desktop")] {
                try browser.open(portal.url(path))
                _ = try browser.waitForElement(path == "/pagu" ? "table.ceiling-inputs" : "figure.chart svg")
                if path.hasPrefix("/rekap") { try charts(browser, name) }
                try fits(browser, name)
                try audit.check(browser, name)
            }
        }
        #expect(audit.weights.count == 12)
    }
}
