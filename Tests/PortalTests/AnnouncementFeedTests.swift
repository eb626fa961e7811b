import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// The feeds of announcements, validated by parsers in the test, not by eye: the Atom feed (RFC 4287) through
/// Foundation's XMLParser (`AtomDocument`), the iCalendar feed (RFC 5545) through a strict parser (`StrictICalendar`):
/// required elements and properties, unique and stable ids, RFC 3339 dates, CRLF, folding at 75 octets that never splits
/// a UTF-8 character, TEXT escaping that round-trips; the whole city's feed and an area's.
@Suite("Announcement feeds: Atom and iCalendar")
struct AnnouncementFeedTests {
    /// Every character TEXT must escape, a line end, markup, and non-ASCII text long enough to be folded many times.
    static let awkward = "Rapat; RW 01, RW 02 \\ gedung \"A\"\n<script>alert('x')</script> — Musyawarah Perencanaan Pembangunan Kelurahan Pondok Karya ✓ "
        + String(repeating: "é漢字🙂", count: 12)
    /// The same as a title: a title is one line, a line end in it is stored as a space.
    static let awkwardTitle = awkward.replacingOccurrences(of: "\n", with: " ")

    /// A city with a kelurahan meeting (with an awkward title and place), a kecamatan meeting, a Bappeda guideline with a
    /// document, news, and a draft that must appear nowhere.
    static func city() throws -> (PortalWorld, AnnouncementScene, [String: AnnouncementID]) {
        let world = try PortalWorld()
        let scene = try world.announcements()
        let op = try scene.browser("op1")
        var ids: [String: AnnouncementID] = [:]
        ids["kelurahan"] = try scene.created(op, AnnouncementScene.meeting(title: awkward, place: awkward, body: awkward, action: "umumkan"))
        world.clock.advance(60)
        ids["draft"] = try scene.created(op, AnnouncementScene.meeting(title: "Draf rahasia", action: "draf"))
        let camat = try scene.browser("camat", address: "10.0.8.2:1")
        ids["kecamatan"] = try scene.created(camat, AnnouncementScene.meeting(title: "Musrenbang Kecamatan Ciputat Timur", day: "2027-01-20",
                                                                             stage: .kecamatan, action: "umumkan"))
        world.clock.advance(60)
        let bappeda = try scene.browser("bappeda", address: "10.0.8.3:1")
        ids["guideline"] = try scene.created(bappeda, [("jenis", "panduan_teknis"), ("wilayah", "kota"), ("judul", "Panduan teknis Musrenbang 2027"),
                                                       ("isi", "Unduh panduannya."), ("aksi", "umumkan")],
                                             files: [MultipartFile(field: "berkas", fileName: "panduan.pdf", contentType: "application/pdf",
                                                                   bytes: AnnouncementScene.pdf)])
        world.clock.advance(60)
        ids["news"] = try scene.created(bappeda, [("jenis", "berita"), ("wilayah", "kota"), ("judul", "Musrenbang dimulai"), ("isi", "Isi berita."),
                                                  ("aksi", "umumkan")])
        return (world, scene, ids)
    }

    @Test func theAtomFeedIsValidWithUniqueStableIdsAndOnlyPublishedEntries() throws {
        let (world, scene, ids) = try Self.city()
        let visitor = world.browser(address: "10.0.8.9:1")
        let response = try visitor.get("/pengumuman.atom")
        #expect(response.status == 200 && response.headers["Content-Type"] == "application/atom+xml; charset=utf-8")
        #expect(response.headers.values("Set-Cookie").isEmpty && response.headers["Cache-Control"] == "public, max-age=300")
        let feed = try AtomDocument(response.bytes)
        #expect(feed.id.hasPrefix("urn:uuid:") && feed.title.contains("Kota Tangerang Selatan") && feed.selfLink == "/pengumuman.atom")
        #expect(feed.entries.count == 4 && !feed.entries.contains { $0.title == "Draf rahasia" })
        // Newest first; the feed's updated is its newest entry's.
        #expect(feed.entries.map(\.title) == ["Musrenbang dimulai", "Panduan teknis Musrenbang 2027", "Musrenbang Kecamatan Ciputat Timur", Self.awkwardTitle])
        #expect(feed.updated == feed.entries.map(\.updated).max())
        let kelurahan = try scene.stored(ids["kelurahan"]!)
        let entry = try #require(feed.entries.last)
        #expect(entry.id == "urn:uuid:\(kelurahan.uuid)" && entry.alternate == "/pengumuman/\(kelurahan.id)" && entry.author == "Kelurahan Pondok Karya")
        #expect(entry.category == "jadwal_rapat" && entry.content?.contains("Waktu: Selasa, 12 Januari 2027, 09.00–12.00 WIB") == true)
        #expect(entry.content?.hasSuffix(Self.awkward) == true && entry.summary?.isEmpty == false)
        let guideline = try #require(feed.entries.first { $0.title == "Panduan teknis Musrenbang 2027" })
        let document = try #require(try scene.stored(ids["guideline"]!).documents.first)
        #expect(guideline.enclosures == [["rel": "enclosure", "type": "application/pdf", "length": "\(AnnouncementScene.pdf.count)",
                                          "title": "panduan.pdf", "href": "/pengumuman/\(document.announcementId)/dokumen/\(document.id)"]])

        // An edit keeps the entry's id and moves its updated; the feed's id does not change.
        world.clock.advance(3600)
        let op = try scene.browser("op1", address: "10.0.8.4:1")
        let edit = try op.get("/kerja/pengumuman/\(kelurahan.id)")
        _ = try op.postMultipart("/kerja/pengumuman/\(kelurahan.id)", AnnouncementScene.meeting(title: "Musrenbang Kelurahan Pondok Karya (diubah)",
                                                                                              action: "draf") + [("versi", "\(kelurahan.version)")],
                                 files: [], csrf: edit.csrf)
        let again = try AtomDocument(try visitor.get("/pengumuman.atom").bytes)
        let changed = try #require(again.entries.first { $0.id == entry.id })
        #expect(again.id == feed.id && changed.title == "Musrenbang Kelurahan Pondok Karya (diubah)" && changed.updated > entry.updated)
        #expect(again.updated == changed.updated)
        // A withdrawal is a change of the feed too.
        world.clock.advance(60)
        let news = try scene.stored(ids["news"]!)
        let bappeda = try scene.browser("bappeda", address: "10.0.8.5:1")
        let page = try bappeda.get("/kerja/pengumuman/\(news.id)")
        #expect(try bappeda.post("/kerja/pengumuman/\(news.id)/tarik", [("versi", "\(news.version)"), ("alasan", "Keliru.")], csrf: page.csrf).status == 303)
        let afterWithdrawal = try AtomDocument(try visitor.get("/pengumuman.atom").bytes)
        #expect(afterWithdrawal.entries.count == 3 && afterWithdrawal.updated > again.updated)
    }

    @Test func anAreasAtomFeedHasItsOwnIdAndOnlyItsEntries() throws {
        let (world, scene, _) = try Self.city()
        let visitor = world.browser(address: "10.0.8.9:1")
        let city = try AtomDocument(try visitor.get("/pengumuman.atom").bytes)
        let kecamatan = try AtomDocument(try visitor.get("/pengumuman.atom?wilayah=kecamatan:\(world.kecamatan)").bytes)
        let kelurahan = try AtomDocument(try visitor.get("/pengumuman.atom?wilayah=kelurahan:\(world.kelurahan)&jenis=jadwal_rapat").bytes)
        let news = try AtomDocument(try visitor.get("/pengumuman.atom?jenis=berita").bytes)
        #expect(Set([city.id, kecamatan.id, kelurahan.id, news.id]).count == 4)
        #expect(try AtomDocument(try visitor.get("/pengumuman.atom?wilayah=kecamatan:\(world.kecamatan)").bytes).id == kecamatan.id)
        #expect(kecamatan.entries.count == 2 && kecamatan.title.contains("Kecamatan Ciputat Timur"))
        #expect(kelurahan.entries.map(\.title) == [Self.awkwardTitle] && news.entries.map(\.title) == ["Musrenbang dimulai"])
        #expect(kecamatan.selfLink == "/pengumuman.atom?wilayah=kecamatan:\(world.kecamatan)")
        #expect(try visitor.get("/pengumuman.atom?wilayah=kecamatan:999").status == 404)
        // An area with no announcement yet: still a valid feed.
        let empty = try AtomDocument(try visitor.get("/pengumuman.atom?wilayah=opd:\(scene.opd)").bytes)
        #expect(empty.entries.isEmpty)
    }

    @Test func theICalendarFeedIsValidFoldedAndEscaped() throws {
        let (world, scene, ids) = try Self.city()
        let visitor = world.browser(address: "10.0.8.9:1")
        let response = try visitor.get("/jadwal.ics")
        #expect(response.status == 200 && response.headers["Content-Type"] == "text/calendar; charset=utf-8")
        #expect(response.headers.values("Set-Cookie").isEmpty)
        let calendar = try StrictICalendar(response.bytes)
        #expect(try calendar.calendar.one("METHOD").value == "PUBLISH" && calendar.calendar.one("PRODID").value == ICalendar.productId)
        #expect(calendar.longestLine <= 75 && calendar.foldedLines > 10)
        // Meetings only, by start; the draft, the guideline and the news are not events.
        #expect(try calendar.events.map { try $0.text("SUMMARY") } == [Self.awkwardTitle, "Musrenbang Kecamatan Ciputat Timur"])
        let kelurahan = try scene.stored(ids["kelurahan"]!)
        let event = try #require(calendar.events.first)
        #expect(try event.one("UID").value == kelurahan.uuid && event.one("SEQUENCE").value == "0")
        #expect(try event.one("DTSTART").value == "20270112T020000Z" && event.one("DTEND").value == "20270112T050000Z")
        // TEXT round-trips: backslash, semicolon, comma, the line end, quotes and markup come back as written.
        #expect(try event.text("SUMMARY") == Self.awkwardTitle && event.text("LOCATION") == Self.awkward)
        #expect(try event.text("DESCRIPTION").hasSuffix(Self.awkward) && event.text("DESCRIPTION").hasPrefix("Musrenbang kelurahan, Kelurahan Pondok Karya."))

        // An edit while published bumps SEQUENCE and keeps the UID.
        let op = try scene.browser("op1", address: "10.0.8.4:1")
        let edit = try op.get("/kerja/pengumuman/\(kelurahan.id)")
        _ = try op.postMultipart("/kerja/pengumuman/\(kelurahan.id)", AnnouncementScene.meeting(start: "10:00", action: "draf")
                                 + [("versi", "\(kelurahan.version)")], files: [], csrf: edit.csrf)
        let edited = try #require(try StrictICalendar(try visitor.get("/jadwal.ics").bytes).events.first { try $0.one("UID").value == kelurahan.uuid })
        #expect(try edited.one("SEQUENCE").value == "1" && edited.one("DTSTART").value == "20270112T030000Z")
    }

    @Test func anAreasCalendarHoldsItsMeetingsAndAKecamatansHoldsItsKelurahans() throws {
        let (world, _, _) = try Self.city()
        let visitor = world.browser(address: "10.0.8.9:1")
        func summaries(_ query: String) throws -> [String] {
            try StrictICalendar(try visitor.get("/jadwal.ics" + query).bytes).events.map { try $0.text("SUMMARY") }
        }
        #expect(try summaries("?wilayah=kecamatan:\(world.kecamatan)") == [Self.awkwardTitle, "Musrenbang Kecamatan Ciputat Timur"])
        #expect(try summaries("?wilayah=kelurahan:\(world.kelurahan)") == [Self.awkwardTitle])
        #expect(try summaries("?wilayah=kota").isEmpty)
        let named = try StrictICalendar(try visitor.get("/jadwal.ics?wilayah=kelurahan:\(world.kelurahan)").bytes)
        #expect(try named.calendar.text("X-WR-CALNAME") == "Jadwal Musrenbang Kelurahan Pondok Karya")
        #expect(try visitor.get("/jadwal.ics?wilayah=kelurahan:999").status == 404)
        // Meetings long past leave the calendar.
        world.clock.set(WIBTime.date(year: 2027, month: 9, day: 1))
        #expect(try summaries("").isEmpty)
    }

    @Test func foldingNeverSplitsACharacterAndTextEscapingIsExact() throws {
        // Every split point: lines of 1 to 120 characters of 1-, 2-, 3- and 4-octet characters.
        for unit in ["a", "é", "漢", "🙂"] {
            for count in 1...120 {
                let line = "SUMMARY:" + String(repeating: unit, count: count)
                let folded = ICalendar.fold(line)
                let calendar = try StrictICalendar(Array(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
                                                          + folded + "END:VCALENDAR\r\n").utf8))
                #expect(try calendar.calendar.one("SUMMARY").value == String(repeating: unit, count: count))
            }
        }
        #expect(ICalendar.text("a\\b;c,d\r\ne\u{7}f\tg") == "a\\\\b\\;c\\,d\\nef\tg")
        #expect(try StrictICalendar.unescape(ICalendar.text(Self.awkward)) == Self.awkward)
        #expect(throws: StrictICalendar.Problem.self) { try StrictICalendar.unescape("a;b") }
    }
}
