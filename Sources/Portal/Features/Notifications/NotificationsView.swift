import Musrenbang

/// The list of an account's notifications: each with its time, subject, text and a "Buka" button (a form: opening
/// marks it read); unread ones marked "Baru".
enum NotificationsView {
    static func render(_ items: [AccountNotification], csrfToken: String) -> HTML {
        let unread = items.filter { !$0.isRead }.count
        let rows = items.map { item -> HTML in
            let badge: HTML = item.isRead ? .empty : "<span class=\"badge waiting\">Baru</span> "
            let lines = item.body.split(separator: "\n").map { line -> HTML in "<p>\(String(line))</p>" }
            return """
                <li class="\(item.isRead ? "read" : "unread")">
                <p class="when"><time datetime="\(WIBTime.iso8601(item.createdAt))">\(WIBTime.format(item.createdAt))</time></p>
                <h2>\(badge)\(item.subject)</h2>
                \(lines)
                <form method="post" action="\(NotificationPaths.open(item.id))" class="inline">
                \(FormViews.csrf(csrfToken))
                <button type="submit" class="link">Buka<span class="visually-hidden"> \(item.subject)</span></button>
                </form>
                </li>
                """
        }
        let list: HTML = items.isEmpty
            ? "<p class=\"empty\">Belum ada notifikasi. Anda akan diberi tahu di sini setiap kali usulan Anda berpindah tahap atau berubah status.</p>"
            : "<ol class=\"notification-list\">\(rows)</ol>"
        let markAll: HTML = unread == 0 ? .empty : """
            <form method="post" action="\(NotificationPaths.readAll)">
            \(FormViews.csrf(csrfToken))
            <button type="submit" class="button secondary">Tandai semua sudah dibaca</button>
            </form>
            """
        return """
            <h1>Notifikasi</h1>
            <p class="lead">\(unread == 0 ? "Tidak ada notifikasi baru." : "\(unread) notifikasi baru.") Pemberitahuan yang sama dikirim ke e-mail atau nomor telepon akun Anda bila ada.</p>
            \(markAll)
            \(list)
            """
    }
}
