import Foundation

/// One entry of a public timeline: when, what, from which state to which, the note or reason, the changed values,
/// and who as a role and unit ("Operator Kelurahan Pondok Karya", "Camat Ciputat", "Pengusul").
public struct PublicEvent: Hashable, Sendable {
    public var at: Date
    public var action: Action
    public var from: ProposalState
    public var to: ProposalState
    public var note: String?
    public var changes: [FieldChange]
    public var actor: String
}
