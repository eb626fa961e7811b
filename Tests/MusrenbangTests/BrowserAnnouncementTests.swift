import Foundation
import TestSupport
import Testing

/// The public announcement pages of the demo city (`serve --demo`: Bappeda's guideline and news, every kecamatan's
/// Musrenbang) in headless Chromium at a phone's width: axe-core finds nothing serious, each page within its weight, no
/// sideways scrolling, and the feeds the pages link answer.
@Suite("Browser: announcements and the schedule in headless Chromium", .serialized)
struct BrowserAnnouncementTests {
    @Test func theAnnouncementPagesPassTheAuditAtAPhonesWidth() throws {
        let portal = try ServedPortal.start(demo: true)
        defer { portal.stop() }
        let screenshots = (NSTemporaryDirectory() as NSString).appendingPathComponent("musrenbang-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: screenshots) }
        let audit = BrowserPageAudit(folder: screenshots)
        try BrowserSession.with(width: 360, height: 800) { browser in
            for (name, path) in [("pengumuman", "/pengumuman"), ("pengumuman-1", "/pengumuman/1"), ("jadwal", "/jadwal"), ("beranda", "/")] {
                try browser.open(portal.url(path))
                #expect(try browser.pageLoad().status == 200, "\(path)")
                let widths = try browser.execute("return [window.innerWidth, document.documentElement.scrollWidth];") as? [Any]
                let viewport = (widths?.first as? NSNumber)?.intValue ?? -1
                let content = (widths?.last as? NSNumber)?.intValue ?? .max
                #expect(content <= viewport, "\(path): content \(content) px wider than the \(viewport) px window")
                try audit.check(browser, name)
            }
            #expect(try browser.text(of: "body").contains("Pengumuman terbaru"))
        }
        print(audit.report)
    }
}
