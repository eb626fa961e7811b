import HTTPServer
import Musrenbang

/// The admin log's filters as they stand in the address (`?entitas=account&oleh=3&siklus=1&halaman=2`): shareable.
struct AdminLogQuery {
    static let path = "/kerja/log-admin"
    static let pageSize = 30

    var entity: AdminEntity?
    var actorId: AccountID?
    var cycleId: CycleID?
    var page: Int

    init(_ request: HTTPRequest) {
        entity = request.queryValue("entitas").flatMap(AdminEntity.init(rawValue:))
        actorId = request.queryValue("oleh").flatMap { Int64($0) }.map { AccountID($0) }
        cycleId = request.queryValue("siklus").flatMap { Int64($0) }.map { CycleID($0) }
        page = min(100_000, max(1, Int(request.queryValue("halaman") ?? "") ?? 1))
    }

    var filter: AdminLogFilter { AdminLogFilter(entity: entity, actorId: actorId, cycleId: cycleId) }
    var offset: Int { (page - 1) * Self.pageSize }

    func link(page: Int = 1, _ change: (inout AdminLogQuery) -> Void = { _ in }) -> String {
        var copy = self
        copy.page = page
        change(&copy)
        var parts: [String] = []
        if let entity = copy.entity { parts.append("entitas=" + entity.rawValue) }
        if let actor = copy.actorId { parts.append("oleh=\(actor.rawValue)") }
        if let cycle = copy.cycleId { parts.append("siklus=\(cycle.rawValue)") }
        if copy.page > 1 { parts.append("halaman=\(copy.page)") }
        return Self.path + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }
}
