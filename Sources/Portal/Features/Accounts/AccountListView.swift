import Foundation
import Musrenbang

/// The admin sistem's account list: filters as links (role, active) and a small GET form (scope, text) that keeps the
/// others, the accounts with their roles, pages, and the way to a new account.
enum AccountListView {
    static func render(_ result: AccountPage, query: AccountListQuery, directory: ScopeDirectory) -> HTML {
        let roleLinks = ([nil] + Role.allCases.map(Optional.some)).map { role -> HTML in
            let current: HTML = role == query.role ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(query.link { $0.role = role })\"\(current)>\(role?.displayName ?? "Semua peran")</a></li>"
        }
        let statusLinks = [(nil, "Semua"), (true, "Aktif"), (false, "Nonaktif")].map { active, label -> HTML in
            let current: HTML = active == query.active ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(query.link { $0.active = active })\"\(current)>\(label)</a></li>"
        }
        var hidden: [HTML] = []
        if let role = query.role { hidden.append("<input type=\"hidden\" name=\"peran\" value=\"\(role.rawValue)\">") }
        if let active = query.active { hidden.append("<input type=\"hidden\" name=\"status\" value=\"\(active ? "aktif" : "nonaktif")\">") }
        return """
            <h1>Akun dan peran</h1>
            <p class="lead">Buat akun petugas, atur perannya, nonaktifkan akun yang tidak dipakai lagi, atau serahkan peran ketika petugas berganti.</p>
            <p><a class="button" href="\(AccountsPaths.new)">Buat akun baru</a> <a href="/kerja/log-admin?entitas=account">Log perubahan akun</a></p>
            <nav aria-label="Saring menurut peran"><ul class="tabs">\(roleLinks)</ul></nav>
            <nav aria-label="Saring menurut keadaan akun"><ul class="tabs">\(statusLinks)</ul></nav>
            <form method="get" action="\(AccountsPaths.list)" class="filters">
            \(hidden)
            \(FormViews.select("cakupan", label: "Wilayah atau perangkat daerah", placeholder: "Semua", groups: directory.groups,
                               selected: query.scope?.text, error: nil))
            \(FormViews.field("cari", label: "Cari nama atau nama pengguna", value: query.text, type: "search", required: false))
            <button type="submit">Saring</button>
            </form>
            \(table(result, query: query, directory: directory))
            \(pagination(result, query: query))
            """
    }

    private static func table(_ result: AccountPage, query: AccountListQuery, directory: ScopeDirectory) -> HTML {
        guard !result.accounts.isEmpty else { return "<p class=\"empty\">Tidak ada akun yang cocok dengan saringan ini.</p>" }
        let rows = result.accounts.map { account -> HTML in
            let roles = account.roles.map { role -> HTML in "<li>\(directory.label(role))</li>" }
            let state: HTML = account.active ? "Aktif" : "<strong>Nonaktif</strong>"
            return """
                <tr><td><a href="\(AccountsPaths.account(account.id))">\(account.displayName)</a><br><span class="muted">\(account.username)</span></td>
                <td><ul class="plain">\(roles)</ul></td><td>\(state)</td></tr>
                """
        }
        return """
            <table class="stack worklist">
            <caption>\(result.total) akun</caption>
            <thead><tr><th scope="col">Nama</th><th scope="col">Peran</th><th scope="col">Keadaan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    private static func pagination(_ result: AccountPage, query: AccountListQuery) -> HTML {
        let pages = max(1, (result.total + AccountListQuery.pageSize - 1) / AccountListQuery.pageSize)
        return PaginationView.render(page: query.page, of: pages) { query.link(page: $0) }
    }
}
