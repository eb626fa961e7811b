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
}
