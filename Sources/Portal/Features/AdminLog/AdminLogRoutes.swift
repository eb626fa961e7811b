import Foundation
import HTTPServer
import Musrenbang

/// The admin log (`/kerja/log-admin`) for Bappeda and the admin sistem: read-only, filtered by the address.
extension Portal {
    func adminLogRoutes(_ routes: inout RouteTable) {
        routes.get(AdminLogQuery.path) { [self] request in
            handle(request) { context in
                let reader = try AdminLogReader(context)
                let query = AdminLogQuery(request)
                let result = try service.adminLog(query.filter, offset: query.offset, limit: AdminLogQuery.pageSize, by: reader.actor)
                let cycles: [(CycleID, String)] = try service.database.read { db in
                    try db.query("SELECT id, name FROM cycles ORDER BY id DESC").map { (CycleID(try $0.get("id")), try $0.get("name")) }
                }
                // Role labels need every area's name: read them only when this page shows an account change.
                let named = Self.loggedAreas(result.entries.filter { $0.entity == .account })
                let directory = result.entries.contains { $0.entity == .account }
                    ? try ScopeDirectory(database: service.database, only: named) : nil
                let words = AdminLogWords { text in
                    let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
                    guard let directory, parts.count == 2, let role = Role(rawValue: parts[0]),
                          let scope = directory.scope(parts[1]), let assignment = try? RoleAssignment(role: role, scope: scope) else { return nil }
                    return directory.label(assignment)
                }
                return page("Log admin", context, AdminLogView.render(result, query: query, cycles: cycles, words: words))
            }
        }
    }

    /// The RW and RT named by the logged roles of `entries` ("ketua_rt@rt:12"), so that only those are read.
    static func loggedAreas(_ entries: [AdminLogEntry]) -> Set<Scope> {
        var areas = Set<Scope>()
        func walk(_ value: AdminValue) {
            switch value {
            case .text(let text):
                guard let at = text.firstIndex(of: "@") else { return }
                let parts = text[text.index(after: at)...].split(separator: ":")
                guard parts.count == 2, let id = Int64(parts[1]) else { return }
                if parts[0] == "rt" { areas.insert(.rt(RTID(id))) } else if parts[0] == "rw" { areas.insert(.rw(RWID(id))) }
            case .list(let items): items.forEach(walk)
            case .object(let fields): fields.values.forEach(walk)
            case .integer, .bool, .null: break
            }
        }
        for entry in entries { for snapshot in [entry.before, entry.after].compactMap({ $0 }) { walk(.object(snapshot.fields)) } }
        return areas
    }
}
