/// One page of the admin log, newest first, with what its reader needs to say who did it: the total of the filter,
/// and the name of every account that has written in the log (also the choices of the "who" filter).
public struct AdminLogPage: Hashable, Sendable {
    public var entries: [AdminLogEntry]
    /// Entries the filter selects in all pages.
    public var total: Int
    public var offset: Int
    public var limit: Int
    /// Every account that appears in the log as actor: its username and display name, by username.
    public var actors: [AdminLogActor]

    public init(entries: [AdminLogEntry], total: Int, offset: Int, limit: Int, actors: [AdminLogActor]) {
        self.entries = entries; self.total = total; self.offset = offset; self.limit = limit; self.actors = actors
    }
}

/// An account that wrote in the admin log, as its reader sees it (no personal data).
public struct AdminLogActor: Hashable, Sendable {
    public var id: AccountID
    public var username: String
    public var displayName: String

    public init(id: AccountID, username: String, displayName: String) {
        self.id = id; self.username = username; self.displayName = displayName
    }
}
