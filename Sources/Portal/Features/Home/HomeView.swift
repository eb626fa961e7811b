import Foundation
import Musrenbang

/// The home page: what Musrenbang is, the current cycle's schedule with where each stage stands today, the headline
/// figures of its published proposals, a search of them, the latest announcements, what to do next, and tracking by
/// code.
enum HomeView {
    struct Page {
        let cycle: Cycle?
        /// Nil while the cycle's proposals are not public yet.
        let figures: PublicFigures?
        /// The latest published announcements.
        var announcements: [Announcement] = []
        let now: Date
        let signedIn: Bool
    }

    static func render(_ page: Page) -> HTML {
        let intro: HTML = """
            <h1>Musyawarah Perencanaan Pembangunan</h1>
            <p class="lead">Warga mengusulkan kegiatan dari RT/RW; usulan dibahas berjenjang di kelurahan, kecamatan dan
            perangkat daerah, lalu ditetapkan dalam rencana kerja pemerintah kota. Setiap usulan dapat diikuti dari awal sampai akhir.</p>
            """
        let track: HTML = """
            <section aria-labelledby="lacak">
            <h2 id="lacak">Lacak usulan</h2>
            <p>Punya tanda terima? Ketik kode pelacakannya untuk melihat keputusan dan riwayat usulan, atau buka halaman <a href="/lacak">Lacak usulan</a>.</p>
            \(TrackView.form())
            </section>
            """
        guard let cycle = page.cycle else {
            return intro + "<p>Belum ada siklus perencanaan yang dibuka.</p>" + LatestAnnouncementsView.render(page.announcements) + track
        }
        let action: HTML = page.signedIn ? .empty : """
            <p class="actions"><a class="button" href="/masuk">Masuk</a> <a class="button secondary" href="/daftar">Daftar sebagai warga</a></p>
            <p>Masuk atau daftar untuk mengajukan usulan dari RT Anda dan mengikutinya sampai ditetapkan.</p>
            """
        // The latest announcements between the cycle's figures and what to do next.
        let announcements = LatestAnnouncementsView.render(page.announcements)
        return intro + """
            <section aria-labelledby="jadwal">
            <h2 id="jadwal">\(cycle.name)</h2>
            <p>Perencanaan untuk Rencana Kerja Pemerintah Daerah (RKPD) tahun \(cycle.budgetYear).</p>
            \(schedule(cycle, now: page.now))
            </section>
            \(figures(page.figures, cycle: cycle))
            \(search)
            \(announcements)
            \(action)
            \(track)
            """
    }

    /// Each stage's dates (WIB) and where it stands today: done, open now with the days left, or to come.
    static func schedule(_ cycle: Cycle, now: Date) -> HTML {
        let rows = Stage.allCases.compactMap { stage -> HTML? in
            guard let window = cycle.windows[stage] else { return nil }
            let lastDay = window.closesAt.addingTimeInterval(-1)
            let (label, detail, kind): (String, String?, String)
            if now < window.opensAt {
                (label, detail, kind) = ("Akan datang", days(WIBTime.calendarDays(from: now, to: window.opensAt), before: "dibuka"), "upcoming")
            } else if window.contains(now) {
                (label, detail, kind) = ("Sedang berlangsung", days(WIBTime.calendarDays(from: now, to: lastDay), before: "berakhir"), "current")
            } else {
                (label, detail, kind) = ("Selesai", nil, "done")
            }
            let when: HTML = detail.map { "<br><span class=\"muted\">\($0)</span>" } ?? .empty
            return """
                <tr class="\(kind)"><th scope="row">\(stage.displayName)</th>
                <td>\(WIBTime.formatDate(window.opensAt)) – \(WIBTime.formatDate(lastDay))</td>
                <td><span class="status \(kind)">\(label)</span>\(when)</td></tr>
                """
        }
        return """
            <table class="schedule">
            <caption>Jadwal tahapan (WIB)</caption>
            <thead><tr><th scope="col">Tahap</th><th scope="col">Jadwal</th><th scope="col">Keadaan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    /// "berakhir hari ini", "dibuka besok", "berakhir 5 hari lagi".
    static func days(_ count: Int, before verb: String) -> String {
        switch count {
        case ...0: "\(verb) hari ini"
        case 1: "\(verb) besok"
        default: "\(verb) \(count) hari lagi"
        }
    }

    /// How many proposals are published, funded, and for how much; before publication, when they will be.
    private static func figures(_ figures: PublicFigures?, cycle: Cycle) -> HTML {
        guard let figures else {
            let when = cycle.windows[.kecamatan].map { " mulai \(WIBTime.format($0.opensAt))" } ?? ""
            return """
                <section aria-labelledby="angka">
                <h2 id="angka">Usulan yang diumumkan</h2>
                <p>Usulan \(cycle.name) diumumkan di sini\(when), saat Musrenbang kecamatan dibuka. Sebelum itu setiap pengusul dapat mengikuti usulannya di <a href="/usulan/saya">Usulan saya</a>.</p>
                </section>
                """
        }
        return """
            <section aria-labelledby="angka">
            <h2 id="angka">Usulan yang diumumkan</h2>
            <dl class="figures">
            <dt>Usulan diumumkan</dt><dd>\(Rupiah.groupDigits(UInt64(figures.published)))</dd>
            <dt>Usulan didanai</dt><dd>\(Rupiah.groupDigits(UInt64(figures.funded)))</dd>
            <dt>Nilai usulan didanai</dt><dd>\(Rupiah.format(figures.fundedAmount))</dd>
            </dl>
            <p><a href="\(PublicBrowsePaths.list)">Lihat semua usulan</a> · <a href="\(PublicBrowsePaths.list)?didanai=ya">Lihat usulan yang didanai</a></p>
            </section>
            """
    }

    /// A search of the published proposals: the list's own GET form, so the address it leads to is `/usulan?q=...`.
    private static let search: HTML = """
        <section aria-labelledby="cari">
        <h2 id="cari">Cari usulan</h2>
        <form method="get" action="\(PublicBrowsePaths.list)" role="search" aria-labelledby="cari">
        <label for="cari-q">Judul, permasalahan, atau lokasi</label>
        <div class="search-row"><input id="cari-q" name="q" type="search" maxlength="\(PublicBrowseFilter.maxTextLength)">
        <button type="submit" class="button">Cari</button></div>
        </form>
        </section>
        """
}
