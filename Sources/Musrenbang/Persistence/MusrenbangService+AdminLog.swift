import Foundation
import Storage

/// Reading the admin log (Bappeda and the admin sistem).
extension MusrenbangService {
    /// Admin-log entries, newest first, optionally of one entity (and key) or one cycle.
    public func adminLog(entity: AdminEntity? = nil, key: String? = nil, cycleId: CycleID? = nil, limit: Int = 100,
                         offset: Int = 0, by actor: Actor) throws -> [AdminLogEntry] {
        guard actor.role == .bappeda || actor.role == .adminSistem else {
            throw DomainError.roleNotAllowed(role: actor.role, action: "lihat log admin")
        }
        return try database.read { db in
            try Self.verify(actor, as: [.bappeda, .adminSistem], "lihat log admin", db: db)
            return try AdminLogRepository(db).entries(entity: entity, key: key, cycleId: cycleId, limit: limit, offset: offset)
        }
    }

    /// One page of the entries `filter` selects, newest first, with their total and the accounts that wrote in the log.
    public func adminLog(_ filter: AdminLogFilter, offset: Int = 0, limit: Int = 50, by actor: Actor) throws -> AdminLogPage {
        guard actor.role == .bappeda || actor.role == .adminSistem else {
            throw DomainError.roleNotAllowed(role: actor.role, action: "lihat log admin")
        }
        var errors = FieldErrors()
        errors.range(offset, 0...Int(Int32.max), "offset")
        errors.range(limit, 1...500, "jumlah per halaman")
        try errors.throwIfAny()
        return try database.read { db in
            try Self.verify(actor, as: [.bappeda, .adminSistem], "lihat log admin", db: db)
            let log = AdminLogRepository(db)
            return AdminLogPage(entries: try log.entries(filter, limit: limit, offset: offset), total: try log.count(filter),
                                offset: offset, limit: limit, actors: try log.actors())
        }
    }
}
