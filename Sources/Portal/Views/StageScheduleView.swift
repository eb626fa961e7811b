import Foundation
import Musrenbang

/// The stages of a cycle with their windows and where each stands at `now` (`/jadwal`'s second half).
enum StageScheduleView {
    static func render(cycle: Cycle?, now: Date) -> HTML {
        guard let cycle else { return "<h2>Tahapan</h2><p>Belum ada siklus perencanaan.</p>" }
        let rows = Stage.allCases.compactMap { stage -> HTML? in
            guard let window = cycle.windows[stage] else { return nil }
            let standing = StageStanding(window, at: now)
            return """
                <tr><th scope="row">\(stage.displayName)</th><td>\(WIBTime.format(window.opensAt))</td>\
                <td>\(WIBTime.format(window.closesAt))</td><td><span class="status \(standing.cssClass)">\(standing.publicLabel)</span></td></tr>
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
