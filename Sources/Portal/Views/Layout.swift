import Musrenbang

/// The frame of every page: a header saying who is signed in and in which role, the flash message, the page's
/// content, and a footer with the city's contact; on a rehearsal clock, a banner above all with the portal's date.
struct Layout {
    let cityName: String
    let contact: String
    /// The portal's clock: a rehearsal clock (`serve --rehearsal-at`) puts its banner on every page.
    let clock: WallClock

    /// `unread`: a resident's unread notifications, linked from the header (nil: no link); `head` adds to the page's
    /// `<head>` (a feed's `<link rel="alternate">`).
    func page(title: String, context: RequestContext, roleLabel: String?, unread: Int? = nil, head: HTML = .empty, _ content: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · e-Musrenbang \(cityName)</title>
        <link rel="stylesheet" href="/css/site.css">
        \(head)
        </head>
        <body>
        <a class="skip" href="#isi">Langsung ke isi</a>
        \(rehearsalBanner())
        <header class="site">
        <div class="wrap">
        <a class="brand" href="/">e-Musrenbang <span>\(cityName)</span></a>
        <nav class="public" aria-label="Publik"><a href="/usulan">Cari usulan</a> <a href="/lacak">Lacak usulan</a> <a href="/rekap">Rekap</a> <a href="/pagu">Pagu</a> <a href="/pengumuman">Pengumuman</a> <a href="/jadwal">Jadwal</a> <a href="/saran">Saran &amp; pengaduan</a></nav>
        \(account(context, roleLabel: roleLabel, unread: unread))
        </div>
        </header>
        <main id="isi" class="wrap">
        \(flash(context.flash))
        \(content)
        </main>
        <footer class="site">
        <div class="wrap">
        <p>\(contact)</p>
        <p>Usulan yang sudah diumumkan dapat dilacak siapa saja dengan kode pelacakan pada tanda terima: <a href="/lacak">Lacak usulan</a>.</p>
        <p>Unduh data usulan dan pagu: <a href="/data">Data terbuka</a>.</p>
        <p>Punya saran atau keluhan? <a href="/saran">Kirim saran atau pengaduan</a>; jawabannya diumumkan di <a href="/saran/daftar">saran yang sudah dijawab</a>.</p>
        </div>
        </footer>
        </body>
        </html>

        """
    }

    private func account(_ context: RequestContext, roleLabel: String?, unread: Int?) -> HTML {
        guard let account = context.account else {
            return """
                <nav class="account" aria-label="Akun"><a href="/masuk">Masuk</a> <a href="/daftar">Daftar</a></nav>
                """
        }
        let role: HTML = roleLabel.map { "<span class=\"role\">\($0)</span>" } ?? ""
        let switchRole: HTML = account.roles.count > 1 ? "<a href=\"/peran\">Ganti peran</a>" : ""
        let notifications: HTML = unread.map { count in
            count == 0 ? "<a href=\"/notifikasi\">Notifikasi</a>"
                       : "<a href=\"/notifikasi\" class=\"unread\">Notifikasi <span class=\"count\">\(count)</span><span class=\"visually-hidden\"> belum dibaca</span></a>"
        } ?? .empty
        return """
            <nav class="account" aria-label="Akun">
            <span class="who">Masuk sebagai <strong>\(account.displayName)</strong> \(role)</span>
            \(notifications)
            \(switchRole)
            <form method="post" action="/keluar" class="inline">
            <input type="hidden" name="_csrf" value="\(context.csrfToken)">
            <button type="submit" class="link">Keluar</button>
            </form>
            </nav>
            """
    }

    /// Printed too: a berita acara printed during a rehearsal must say so.
    private func rehearsalBanner() -> HTML {
        guard clock.rehearsalStart != nil else { return .empty }
        return """
            <aside class="rehearsal" aria-label="Mode latihan"><div class="wrap"><strong>Mode latihan:</strong> tanggal portal \(WIBTime.format(clock.now())). Semua yang dikerjakan di sini hanya latihan, bukan Musrenbang yang sebenarnya.</div></aside>
            """
    }

    private func flash(_ message: String?) -> HTML {
        guard let message else { return .empty }
        return "<div class=\"flash\" role=\"status\">\(message)</div>"
    }
}
