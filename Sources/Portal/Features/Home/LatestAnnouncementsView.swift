import Foundation
import Musrenbang

/// The home page's latest published announcements (at most three), each with its kind, area and date (a meeting with its
/// day and place), and the way to all of them and to the schedule.
enum LatestAnnouncementsView {
    static let count = 3

    static func render(_ latest: [Announcement]) -> HTML {
        guard !latest.isEmpty else { return .empty }
        let items = latest.prefix(count).map { item -> HTML in
            let meeting: HTML = item.meeting.map { "<p>\(AnnouncementWords.when($0)) · \($0.place)</p>" } ?? .empty
            return """
                <li><h3><a href="\(AnnouncementPaths.announcement(item.id))">\(item.title)</a></h3>
                <p class="meta">\(item.kind.displayName) · \(item.areaName) · \(WIBTime.formatDate(item.publishedAt ?? item.updatedAt))</p>\(meeting)</li>
                """
        }
        return """
            <section aria-labelledby="pengumuman">
            <h2 id="pengumuman">Pengumuman terbaru</h2>
            <ul class="cards">\(items)</ul>
            <p><a href="\(AnnouncementPaths.publicList)">Semua pengumuman</a> · <a href="\(AnnouncementPaths.schedule)">Jadwal rapat</a></p>
            </section>
            """
    }
}
