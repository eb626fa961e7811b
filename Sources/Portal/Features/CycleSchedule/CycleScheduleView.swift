import Foundation
import Musrenbang

/// Bappeda's cycle page: each stage's window (opens, closes, where it stands now), the form that extends one, and
/// every change of the cycle from the admin log, newest first.
enum CycleScheduleView {
    struct Page {
        let choice: CycleChoice
        let form: WindowExtensionForm
        let history: [CycleChange]
        let csrfToken: String
        let now: Date
        var notice: RefusalNotice?

        var cycle: Cycle { choice.cycle }
    }

    static func render(_ page: Page) -> HTML {
        """
        \(FormViews.errorSummary(page.form.errors))
        \(page.notice?.html ?? .empty)
        <h1>Jadwal siklus</h1>
        <p class="lead">\(page.cycle.name): Musrenbang tahun \(page.cycle.planYear) untuk RKPD tahun \(page.cycle.budgetYear).</p>
        \(page.choice.picker(CyclePaths.schedule))
        <p><a class="button" href="\(CyclePaths.new)">Buat siklus baru</a></p>
        \(schedule(page))
        \(extensionForm(page))
        <h2 id="riwayat">Riwayat perubahan</h2>
        \(history(page.history))
        """
    }

    private static func schedule(_ page: Page) -> HTML {
        let rows = Stage.allCases.map { stage -> HTML in
            guard let window = page.cycle.windows[stage] else {
                return "<tr><th scope=\"row\">\(stage.displayName)</th><td colspan=\"3\">Belum dijadwalkan</td></tr>"
            }
            let extended = page.cycle.extensions.filter { $0.stage == stage }.count
            let note: HTML = extended == 0 ? .empty : "<br><small>diperpanjang \(extended) kali</small>"
            return """
                <tr><th scope="row">\(stage.displayName)</th><td>\(WIBTime.format(window.opensAt))</td>\
                <td>\(WIBTime.format(window.closesAt))\(note)</td><td>\(StageStanding(window, at: page.now).deskLabel)</td></tr>
                """
        }
        return """
            <table class="schedule">
            <caption>Jadwal setiap tahap (WIB). Suatu tahap terbuka mulai saat dibuka sampai sebelum saat ditutup.</caption>
            <thead><tr><th scope="col">Tahap</th><th scope="col">Dibuka</th><th scope="col">Ditutup</th><th scope="col">Keadaan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    private static func extensionForm(_ page: Page) -> HTML {
        let form = page.form
        let options = Stage.allCases.filter { page.cycle.windows[$0] != nil }.map { stage in
            SelectOption(value: stage.rawValue, text: "\(stage.displayName) (ditutup \(WIBTime.format(page.cycle.windows[stage]!.closesAt)))")
        }
        return """
            <section class="decide" aria-labelledby="perpanjang">
            <h2 id="perpanjang">Perpanjang jadwal</h2>
            <p>Penutupan suatu tahap hanya dapat dimundurkan. Perpanjangan dicatat dengan alasannya dan terlihat di riwayat di bawah.</p>
            <form method="post" action="\(page.choice.path(CyclePaths.extend))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.select("tahap", label: "Tahap", placeholder: "(pilih tahap)", groups: [SelectGroup(label: nil, options: options)],
                               selected: form.stage?.rawValue, error: form.error("tahap")))
            \(FormViews.field("tutup", label: "Ditutup pada (WIB)", value: form.closes, type: "datetime-local",
                              hint: "Tanggal dan jam, misalnya 2026-12-20T23:59.", error: form.error("tutup")))
            \(FormViews.textArea("alasan", label: "Alasan", value: form.reason, hint: "Wajib. Dicatat pada log admin.",
                                 error: form.error("alasan"), rows: 3))
            <button type="submit" class="button">Perpanjang</button>
            </form>
            </section>
            """
    }

    private static func history(_ changes: [CycleChange]) -> HTML {
        guard !changes.isEmpty else { return "<p>Belum ada perubahan yang dicatat.</p>" }
        let items = changes.map { change -> HTML in
            let lines = change.changes.map { line -> HTML in "<li>\(line)</li>" }
            let reason: HTML = change.reason.map { "<p>Alasan: \($0)</p>" } ?? .empty
            let list: HTML = lines.isEmpty ? .empty : "<ul>\(lines)</ul>"
            return """
                <li><p><strong>\(change.action)</strong> oleh \(change.actorName), \(WIBTime.format(change.at))</p>
                \(list)\(reason)</li>
                """
        }
        return "<ol class=\"history\">\(items)</ol>"
    }
}
