import Foundation

/// One entry of a proposal's append-only history: who, in which role, when, from, to, the note and
/// the values that changed. Persistence appends it to `proposal_events`.
public struct ProposalEvent: Hashable, Sendable {
    public var proposalId: ProposalID
    public var cycleId: CycleID
    public var action: Action
    public var actorAccountId: AccountID
    public var actorRole: Role
    public var at: Date
    public var from: ProposalState
    public var to: ProposalState
    /// The reason or note given (nil when none).
    public var note: String?
    public var changes: [FieldChange]
    public var flags: [EventFlag]
    /// The proposal's version after this event.
    public var versionAfter: Int64

    /// `changes` as the JSON array stored in `proposal_events.changes_json`.
    public var changesJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding an array of plain string structs cannot fail.
        return (try? encoder.encode(changes)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// `flags` as the comma-separated text stored in `proposal_events.flags`.
    public var flagsText: String { flags.map(\.rawValue).joined(separator: ",") }

    /// Decodes `proposal_events.changes_json` (nil when malformed).
    public static func changes(fromJSON text: String) -> [FieldChange]? {
        // Most events change no field: no decoder for them (a page's timeline decodes every event of the proposal).
        if text == "[]" { return [] }
        return try? JSONDecoder().decode([FieldChange].self, from: Data(text.utf8))
    }

    /// Decodes `proposal_events.flags`, ignoring unknown values.
    public static func flags(fromText text: String) -> [EventFlag] {
        text.split(separator: ",").compactMap { EventFlag(rawValue: String($0)) }
    }

    public init(proposalId: ProposalID, cycleId: CycleID, action: Action, actorAccountId: AccountID, actorRole: Role,
                at: Date, from: ProposalState, to: ProposalState, note: String?, changes: [FieldChange],
                flags: [EventFlag], versionAfter: Int64) {
        self.proposalId = proposalId; self.cycleId = cycleId; self.action = action
        self.actorAccountId = actorAccountId; self.actorRole = actorRole; self.at = at; self.from = from
        self.to = to; self.note = note; self.changes = changes; self.flags = flags; self.versionAfter = versionAfter
    }
}

/// One changed value: field name (English, stable) and the old/new values as display text.
public struct FieldChange: Hashable, Sendable, Codable {
    public var field: String
    public var old: String
    public var new: String
    public init(field: String, old: String, new: String) { self.field = field; self.old = old; self.new = new }
}

/// Marks on an event that recaps and reviewers look for.
public enum EventFlag: String, Hashable, Sendable, CaseIterable {
    /// A changed cost above volume x SSH price by more than the cycle's tolerance.
    case costAboveTolerance = "cost_above_tolerance"
    /// A Bappeda correction of a level already locked by its berita acara.
    case lockedLevelCorrected = "locked_level_corrected"
}

/// The result of a transition: the new proposal value and the event to append.
public struct TransitionResult: Hashable, Sendable {
    public var proposal: Proposal
    public var event: ProposalEvent
}
