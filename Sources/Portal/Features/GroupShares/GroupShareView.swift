import Foundation
import Musrenbang

/// Bappeda's group shares of a level: the levels as tabs, one table row per group with its minimum and maximum in
/// percent, the reason, and the history of the level's changes.
enum GroupShareView {
    struct Page {
        let choice: CycleChoice
        let board: GroupShareBoard
        let form: GroupShareForm
        let history: AdminHistory
        let csrfToken: String
        var notice: RefusalNotice?
    }

    static func render(_ page: Page) -> HTML {
        let board = page.board, form = page.form
        let tabs = GroupSharePaths.levels.map { level -> HTML in
            level == board.level
                ? "<li><strong aria-current=\"page\">\(GroupShareBoard.levelName(level).capitalized)</strong></li>"
                : "<li><a href=\"\(page.choice.path(GroupSharePaths.level(level)))\">\(GroupShareBoard.levelName(level).capitalized)</a></li>"
        }
        let rows = board.groups.map { group -> HTML in
            let cells = [GroupShare.Bound.minimum, .maximum].map { bound -> HTML in
                let name = GroupShareForm.field(bound, group)
                let error = form.error(name)
                let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(name)-error\""
                let message: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
                let label = "\(group.name) \(bound == .minimum ? "minimal" : "maksimal") (%)"
                return """
                    <td class="num">\(message)<input id="\(name)" name="\(name)" type="text" inputmode="decimal" \
                    value="\(form.value(bound, group, board: board))" aria-label="\(label)"\(invalid)></td>
                    """
            }
            return "<tr><th scope=\"row\">\(group.name)</th>\(cells)</tr>"
        }
        let reasonHint = board.locked
            ? "Wajib: sudah ada berita acara yang dikunci. Dicatat pada log admin."
            : "Tidak wajib sebelum ada berita acara yang dikunci. Dicatat pada log admin."
        let levelName = GroupShareBoard.levelName(board.level)
        return """
            \(FormViews.errorSummary(form.errors))
            \(page.notice?.html ?? .empty)
            <h1>Porsi kelompok pagu</h1>
            <p class="lead">\(board.cycle.name): bagian pagu setiap \(levelName) yang paling sedikit disisihkan (minimal) atau paling \
            banyak dipakai (maksimal) untuk suatu kelompok usulan. Kosongkan bila tidak ada. Jumlah semua porsi minimal paling \
            banyak 100%.</p>
            \(page.choice.picker(GroupSharePaths.page, keep: [("tingkat", board.level.rawValue)]))
            <nav aria-label="Tingkat"><ul class="tabs">\(tabs)</ul></nav>
            <form method="post" action="\(page.choice.path(GroupSharePaths.page))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="tingkat" value="\(board.level.rawValue)">
            <input type="hidden" name="versi" value="\(form.version.isEmpty ? board.version : form.version)">
            <table class="shares" id="porsi">
            <caption>Porsi setiap pagu \(levelName) (persen dari pagunya)</caption>
            <thead><tr><th scope="col">Kelompok</th><th scope="col">Minimal (%)</th><th scope="col">Maksimal (%)</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            \(FormViews.textArea("alasan", label: "Alasan perubahan", value: form.reason, hint: reasonHint, error: form.error("alasan"), rows: 2))
            <button type="submit" class="button">Simpan porsi \(levelName)</button>
            </form>
            <h2 id="riwayat">Riwayat perubahan</h2>
            \(history(page))
            """
    }

    private static func history(_ page: Page) -> HTML {
        let names = Dictionary(page.board.groups.map { ($0.group.description, $0.name) }, uniquingKeysWith: { first, _ in first })
        func text(_ snapshot: AdminSnapshot?) -> String {
            guard case .list(let shares)? = snapshot?["shares"], !shares.isEmpty else { return "tidak ada" }
            return shares.compactMap { value -> String? in
                guard case .object(let fields) = value, case .text(let group)? = fields["group"], case .text(let bound)? = fields["bound"],
                      case .integer(let basisPoints)? = fields["basis_points"] else { return nil }
                return "\(names[group] ?? group) \(bound == "minimum" ? "minimal" : "maksimal") \(GroupSharePercent.text(Int(basisPoints)))%"
            }.joined(separator: ", ")
        }
        return AdminHistoryView.render(page.history) { entry -> HTML in
            let reason: HTML = entry.reason.map { " Alasan: \($0)" } ?? .empty
            return "<li>\(text(entry.before)) menjadi \(text(entry.after)), \(page.history.byline(entry)).\(reason)</li>"
        }
    }
}
