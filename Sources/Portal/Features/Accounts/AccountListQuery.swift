import HTTPServer
import Musrenbang

/// The account list's filters as they stand in the address (`?peran=...&cakupan=...&status=aktif&cari=...&halaman=2`),
/// so that a filtered list is a link one can share; the engine's `AccountFilter` out of them.
struct AccountListQuery {
    static let pageSize = 25

    var role: Role?
    var scope: Scope?
    var active: Bool?
    var text: String
    var page: Int

    init(_ request: HTTPRequest, directory: ScopeDirectory) {
        role = request.queryValue("peran").flatMap(Role.init(rawValue:))
        scope = directory.scope(request.queryValue("cakupan"))
        active = switch request.queryValue("status") {
        case "aktif": true
        case "nonaktif": false
        default: nil
        }
        text = String((request.queryValue("cari") ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        page = min(100_000, max(1, Int(request.queryValue("halaman") ?? "") ?? 1))
    }

    var filter: AccountFilter { AccountFilter(role: role, scope: scope, active: active, text: text.isEmpty ? nil : text) }
    var offset: Int { (page - 1) * Self.pageSize }

    /// The list's address with these filters, on `page`, with one part changed by `change`.
    func link(page: Int = 1, _ change: (inout AccountListQuery) -> Void = { _ in }) -> String {
        var copy = self
        copy.page = page
        change(&copy)
        var parts: [String] = []
        if let role = copy.role { parts.append("peran=" + role.rawValue) }
        if let scope = copy.scope { parts.append("cakupan=" + Portal.queryEncode(scope.text)) }
        if let active = copy.active { parts.append("status=" + (active ? "aktif" : "nonaktif")) }
        if !copy.text.isEmpty { parts.append("cari=" + Portal.queryEncode(copy.text)) }
        if copy.page > 1 { parts.append("halaman=\(copy.page)") }
        return AccountsPaths.list + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }
}
