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
                let directory = result.entries.contains { $0.entity == .account } ? try ScopeDirectory(database: service.database) : nil
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
}
