import Musrenbang

/// A screen's changes from the admin log (newest first) with the name of each entry's actor, read in one transaction
/// through the engine's page read, which brings the actors' names in one query rather than an account read per actor.
struct AdminHistory {
    let entries: [AdminLogEntry]
    private let names: [AccountID: String]

    init(_ page: AdminLogPage) {
        entries = page.entries
        names = Dictionary(page.actors.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
    }

    /// The display name of the account that wrote `entry`.
    func actorName(_ entry: AdminLogEntry) -> String { names[entry.actorAccountId] ?? "akun \(entry.actorAccountId.rawValue)" }

    /// "oleh Staf Bappeda, 2 Desember 2026 14.30 WIB": who and when, as every history line ends.
    func byline(_ entry: AdminLogEntry) -> String { "oleh \(actorName(entry)), \(WIBTime.format(entry.at))" }
}

extension Portal {
    /// The latest `limit` admin-log entries `filter` selects, with their actors' names.
    func adminHistory(_ filter: AdminLogFilter, limit: Int, by actor: Actor) throws -> AdminHistory {
        AdminHistory(try service.adminLog(filter, limit: limit, by: actor))
    }
}
