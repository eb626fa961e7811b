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
                return page("Log admin", context, AdminLogView.render(result, query: query, cycles: cycles))
            }
        }
    }
}
