import Foundation
import Storage

/// The append-only history of proposals (`proposal_events`; UPDATE and DELETE are refused by triggers).
public struct EventRepository {
    let db: Connection
    public init(_ db: Connection) { self.db = db }

    /// Appends one event, and the proposer's notification of it in the same transaction (`ProposalNotifier`).
    public func append(_ e: ProposalEvent) throws {
        try db.execute(Self.insertSQL, StatementArguments([
                e.proposalId.rawValue, e.cycleId.rawValue, e.action.rawValue, e.actorAccountId.rawValue, e.actorRole.rawValue,
                Stored.text(e.at), e.from.stage.rawValue, e.from.status.rawValue, e.to.stage.rawValue, e.to.status.rawValue,
                e.note, Self.json(e.changes), e.flagsText, e.versionAfter,
            ]))
        try ProposalNotifier(db: db).record(e)
    }

    /// Appends many events with one prepared statement (an allocation run): positional binding, the
    /// timestamp text formatted once per distinct instant. Same rows as `append` for each, notifications included.
    public func append<S: Sequence>(contentsOf events: S) throws where S.Element == ProposalEvent {
        let insert = try db.prepare(Self.insertSQL)
        let notifier = ProposalNotifier(db: db)
        var lastAt: Date?, atText = ""
        for e in events {
            if e.at != lastAt { lastAt = e.at; atText = Stored.text(e.at) }
            try insert.bind(e.proposalId.rawValue, at: 1)
            try insert.bind(e.cycleId.rawValue, at: 2)
            try insert.bind(e.action.rawValue, at: 3)
            try insert.bind(e.actorAccountId.rawValue, at: 4)
            try insert.bind(e.actorRole.rawValue, at: 5)
            try insert.bind(atText, at: 6)
            try insert.bind(e.from.stage.rawValue, at: 7)
            try insert.bind(e.from.status.rawValue, at: 8)
            try insert.bind(e.to.stage.rawValue, at: 9)
            try insert.bind(e.to.status.rawValue, at: 10)
            try insert.bind(e.note, at: 11)
            try insert.bind(Self.json(e.changes), at: 12)
            try insert.bind(e.flagsText, at: 13)
            try insert.bind(e.versionAfter, at: 14)
            try insert.step()
            insert.reset()
            try notifier.record(e)
        }
    }

    static let insertSQL = """
        INSERT INTO proposal_events (proposal_id, cycle_id, action, actor_account_id, actor_role, at, from_stage,
            from_status, to_stage, to_status, note, changes_json, flags, version_after)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// A proposal's events, oldest first.
    public func history(of proposalId: ProposalID) throws -> [ProposalEvent] {
        try db.query("SELECT * FROM proposal_events WHERE proposal_id = ? ORDER BY version_after, id", [proposalId.rawValue])
            .map { row in
                let changesText: String = try row.get("changes_json")
                guard let changes = ProposalEvent.changes(fromJSON: changesText) else {
                    throw PersistenceError.corrupt("changes_json \(changesText)")
                }
                return ProposalEvent(
                    proposalId: proposalId, cycleId: CycleID(try row.get("cycle_id")), action: try Stored.value(row, "action"),
                    actorAccountId: AccountID(try row.get("actor_account_id")), actorRole: try Stored.value(row, "actor_role"),
                    at: try Stored.date(row, "at"),
                    from: ProposalState(try Stored.value(row, "from_stage"), try Stored.value(row, "from_status")),
                    to: ProposalState(try Stored.value(row, "to_stage"), try Stored.value(row, "to_status")),
                    note: try row.get("note"), changes: changes, flags: ProposalEvent.flags(fromText: try row.get("flags")),
                    versionAfter: try row.get("version_after"))
            }
    }

    /// `changes` as a JSON array, the same text `ProposalEvent.changesJSON` produces (sorted keys), without
    /// the cost of a JSONEncoder per event (an allocation run writes one event per moved proposal).
    static func json(_ changes: [FieldChange]) -> String {
        if changes.isEmpty { return "[]" }
        var out = "["
        for (index, change) in changes.enumerated() {
            if index > 0 { out += "," }
            out += "{\"field\":"; quote(change.field, into: &out)
            out += ",\"new\":"; quote(change.new, into: &out)
            out += ",\"old\":"; quote(change.old, into: &out)
            out += "}"
        }
        return out + "]"
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/": out += "\\/"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
