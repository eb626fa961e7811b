import Foundation
import Musrenbang

/// The admin log page: filters (entity as links; who and cycle in a small GET form), the entries newest first with
/// when (WIB), who, what, and the values before and after in words, and pages.
enum AdminLogView {
    static func render(_ result: AdminLogPage, query: AdminLogQuery, cycles: [(CycleID, String)], words: AdminLogWords) -> HTML {
        let entities = ([nil] + AdminEntity.allCases.map(Optional.some)).map { entity -> HTML in
            let current: HTML = entity == query.entity ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(query.link { $0.entity = entity })\"\(current)>\(entity.map(AdminLogWords.entity) ?? "Semua")</a></li>"
        }
        let actors = SelectGroup(label: nil, options: result.actors.map {
            SelectOption(value: String($0.id.rawValue), text: "\($0.displayName) (\($0.username))")
        })
        let cycleOptions = SelectGroup(label: nil, options: cycles.map { SelectOption(value: String($0.0.rawValue), text: $0.1) })
        let hidden: HTML = query.entity.map { "<input type=\"hidden\" name=\"entitas\" value=\"\($0.rawValue)\">" } ?? .empty
        let names = Dictionary(result.actors.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        return """
            <h1>Log admin</h1>
            <p class="lead">Setiap perubahan data induk, siklus, pagu dan akun tercatat di sini: siapa, kapan, apa, dan nilainya sebelum dan sesudah. Catatan tidak dapat diubah atau dihapus.</p>
            <nav aria-label="Saring menurut data"><ul class="tabs">\(entities)</ul></nav>
            <form method="get" action="\(AdminLogQuery.path)" class="filters">\(hidden)
            \(FormViews.select("oleh", label: "Oleh", placeholder: "Siapa saja", groups: [actors], selected: query.actorId.map { String($0.rawValue) }, error: nil))
            \(FormViews.select("siklus", label: "Siklus", placeholder: "Semua siklus", groups: [cycleOptions], selected: query.cycleId.map { String($0.rawValue) }, error: nil))
            <button type="submit">Saring</button>
            </form>
            \(entries(result, names: names, words: words))
            \(pagination(result, query: query))
            """
    }

    private static func entries(_ result: AdminLogPage, names: [AccountID: String], words: AdminLogWords) -> HTML {
        guard !result.entries.isEmpty else { return "<p class=\"empty\">Belum ada catatan yang cocok dengan saringan ini.</p>" }
        let rows = result.entries.map { entry -> HTML in
            let lines = words.changes(before: entry.before, after: entry.after).map { line -> HTML in "<li>\(line)</li>" }
            let reason: HTML = entry.reason.map { "<p><strong>Alasan:</strong> \($0)</p>" } ?? .empty
            return """
                <tr><td><time datetime="\(WIBTime.iso8601(entry.at))">\(WIBTime.format(entry.at))</time></td>
                <td>\(names[entry.actorAccountId] ?? "akun \(entry.actorAccountId.rawValue)")<br><span class="muted">\(entry.actorRole.displayName)</span></td>
                <td>\(AdminLogWords.subject(entry)) \(AdminLogWords.action(entry.action, key: entry.entityKey))</td>
                <td><ul class="plain">\(lines)</ul>\(reason)</td></tr>
                """
        }
        return """
            <table class="stack worklist">
            <caption>\(result.total) catatan, terbaru lebih dahulu</caption>
            <thead><tr><th scope="col">Waktu</th><th scope="col">Oleh</th><th scope="col">Apa</th><th scope="col">Sebelum dan sesudah</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    private static func pagination(_ result: AdminLogPage, query: AdminLogQuery) -> HTML {
        let pages = max(1, (result.total + AdminLogQuery.pageSize - 1) / AdminLogQuery.pageSize)
        return PaginationView.render(page: query.page, of: pages, label: "Halaman log") { query.link(page: $0) }
    }
}
