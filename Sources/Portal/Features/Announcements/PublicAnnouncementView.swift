import Foundation
import Musrenbang

/// The public announcements: the list with its filters (links that can be shared), one announcement with its documents,
/// the page of a withdrawn one, and the schedule of meetings with the cycle's stage windows.
enum PublicAnnouncementView {
    static func list(_ page: AnnouncementPage, area: AnnouncementArea?, kind: AnnouncementKind?, areas: AnnouncementAreaChoices) -> HTML {
        let kinds = AnnouncementKind.allCases.map { SelectOption(value: $0.rawValue, text: $0.displayName) }
        let scope = area.flatMap(areas.name).map { " untuk \($0)" } ?? ""
        let items = page.items.map { item -> HTML in
            let meeting: HTML = item.meeting.map { "<p><strong>\(AnnouncementWords.when($0))</strong> · \($0.place)</p>" } ?? .empty
            let documents: HTML = item.documents.isEmpty ? .empty : "<p class=\"muted\">\(item.documents.count) dokumen dapat diunduh</p>"
            return """
                <li><h2><a href="\(AnnouncementPaths.announcement(item.id))">\(item.title)</a></h2>
                <p class="meta">\(item.kind.displayName) · \(item.areaName) · \(WIBTime.formatDate(item.publishedAt ?? item.updatedAt))</p>
                \(meeting)<p>\(item.summary())</p>\(documents)</li>
                """
        }
        let list: HTML = page.items.isEmpty ? "<p class=\"empty\">Belum ada pengumuman\(scope).</p>" : "<ul class=\"cards announcements\">\(items)</ul>"
        return """
            <h1>Pengumuman</h1>
            <p class="lead">Jadwal rapat Musrenbang, panduan teknis dan berita dari Bappeda, kecamatan, kelurahan dan perangkat daerah.</p>
            <form method="get" action="\(AnnouncementPaths.publicList)" class="filters area-filters">
            \(FormViews.select("wilayah", label: "Wilayah", placeholder: "Semua wilayah",
                               groups: areas.groups(cityLabel: "Tingkat kota (Bappeda)", withOPD: true), selected: area?.text, error: nil))
            \(FormViews.select("jenis", label: "Jenis", placeholder: "Semua jenis", groups: [SelectGroup(label: nil, options: kinds)],
                               selected: kind?.rawValue, error: nil))
            <button type="submit" class="button secondary">Saring</button>
            </form>
            <p>\(page.total) pengumuman\(scope). <a href="\(AnnouncementPaths.filtered(AnnouncementPaths.atom, area: area, kind: kind))">Umpan Atom</a> untuk daftar ini; \
            jadwal rapat juga ada di <a href="\(AnnouncementPaths.filtered(AnnouncementPaths.schedule, area: area))">halaman jadwal</a> dan kalendernya.</p>
            \(list)
            \(PaginationView.render(page: page.page, of: page.pageCount, label: "Halaman pengumuman") {
                AnnouncementPaths.filtered(AnnouncementPaths.publicList, area: area, kind: kind, page: $0)
            })
            """
    }

    static func announcement(_ item: Announcement) -> HTML {
        let updated: HTML = item.revision > 0 ? " · diperbarui \(WIBTime.format(item.updatedAt))" : .empty
        let documents: HTML = item.documents.isEmpty ? .empty : "<h2>Dokumen</h2>\(AnnouncementWords.documents(item.documents))"
        let calendar: HTML = item.meeting == nil ? .empty : """
            <p>Lihat rapat lain di <a href="\(AnnouncementPaths.filtered(AnnouncementPaths.schedule, area: item.area))">jadwal \(item.areaName)</a>, \
            atau langganan <a href="\(AnnouncementPaths.filtered(AnnouncementPaths.calendar, area: item.area))">kalendernya (iCalendar)</a>.</p>
            """
        return """
            <p class="back"><a href="\(AnnouncementPaths.publicList)">‹ Semua pengumuman</a></p>
            <article>
            <h1>\(item.title)</h1>
            <p class="meta">\(item.kind.displayName) · \(item.areaName) · diumumkan \(WIBTime.format(item.publishedAt ?? item.updatedAt))\(updated)</p>
            \(item.meeting.map(AnnouncementWords.meetingFacts) ?? .empty)
            <div class="prose">\(AnnouncementWords.body(item.body))</div>
            \(documents)
            \(calendar)
            </article>
            """
    }

    static func withdrawn(_ item: Announcement) -> HTML {
        """
        <p class="back"><a href="\(AnnouncementPaths.publicList)">‹ Semua pengumuman</a></p>
        <h1>Pengumuman ditarik</h1>
        <p class="lead">Pengumuman \"\(item.title)\" dari \(item.areaName) ditarik pada \(WIBTime.format(item.withdrawnAt ?? item.updatedAt)).</p>
        <p>Alasan: \(item.withdrawalReason ?? "")</p>
        <p>Lihat <a href="\(AnnouncementPaths.filtered(AnnouncementPaths.publicList, area: item.area))">pengumuman \(item.areaName) yang berlaku</a>.</p>
        """
    }

    static func schedule(meetings: [Announcement], area: AnnouncementArea?, areas: AnnouncementAreaChoices, cycle: Cycle?, now: Date) -> HTML {
        let scope = area.flatMap(areas.name).map { " \($0)" } ?? ""
        let rows = meetings.compactMap { item -> HTML? in
            guard let meeting = item.meeting else { return nil }
            return """
                <tr><td>\(AnnouncementWords.when(meeting))</td><td><a href="\(AnnouncementPaths.announcement(item.id))">\(item.title)</a></td>\
                <td>\(meeting.stage.displayName)</td><td>\(meeting.place)</td><td>\(item.areaName)</td></tr>
                """
        }
        let table: HTML = rows.isEmpty ? "<p class=\"empty\">Belum ada rapat yang dijadwalkan\(scope).</p>" : """
            <table class="stack">
            <caption>Rapat yang akan datang\(scope) (WIB)</caption>
            <thead><tr><th scope="col">Waktu</th><th scope="col">Rapat</th><th scope="col">Tingkat</th><th scope="col">Tempat</th><th scope="col">Wilayah</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        return """
            <h1>Jadwal Musrenbang</h1>
            <p class="lead">Rapat Musrenbang yang akan datang di setiap tingkat, dan jadwal tahapan siklus perencanaan.</p>
            <form method="get" action="\(AnnouncementPaths.schedule)" class="filters area-filters">
            \(FormViews.select("wilayah", label: "Wilayah", placeholder: "Seluruh kota",
                               groups: areas.groups(cityLabel: "Tingkat kota (Bappeda)", withOPD: true), selected: area?.text, error: nil))
            <button type="submit" class="button secondary">Saring</button>
            </form>
            <p>Tambahkan jadwal ini ke kalender ponsel atau komputer Anda: \
            <a href="\(AnnouncementPaths.filtered(AnnouncementPaths.calendar, area: area))">kalender iCalendar\(scope)</a> \
            (diperbarui sendiri bila Anda berlangganan alamat ini).</p>
            \(table)
            \(StageScheduleView.render(cycle: cycle, now: now))
            """
    }
}

/// The stages of a cycle with their windows and where each stands at `now` (the schedule's second half).
enum StageScheduleView {
    static func render(cycle: Cycle?, now: Date) -> HTML {
        guard let cycle else { return "<h2>Tahapan</h2><p>Belum ada siklus perencanaan.</p>" }
        let rows = Stage.allCases.compactMap { stage -> HTML? in
            guard let window = cycle.windows[stage] else { return nil }
            let (label, kind): (String, String) =
                now < window.opensAt ? ("Akan datang", "upcoming") : window.contains(now) ? ("Sedang berlangsung", "current") : ("Selesai", "done")
            return """
                <tr><th scope="row">\(stage.displayName)</th><td>\(WIBTime.format(window.opensAt))</td>\
                <td>\(WIBTime.format(window.closesAt))</td><td><span class="status \(kind)">\(label)</span></td></tr>
                """
        }
        return """
            <h2>Tahapan \(cycle.name)</h2>
            <table class="schedule">
            <caption>Tahapan untuk RKPD tahun \(cycle.budgetYear) (WIB). Suatu tahap terbuka mulai saat dibuka sampai sebelum saat ditutup.</caption>
            <thead><tr><th scope="col">Tahap</th><th scope="col">Dibuka</th><th scope="col">Ditutup</th><th scope="col">Keadaan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }
}
