import Foundation

/// What a notification is about: the stored text of `notifications.kind`.
public enum NotificationKind: String, Hashable, Sendable {
    /// An event on a proposal the account proposed (its stage or status changed, or Bappeda corrected it).
    case proposal
    /// An answer to feedback the account sent.
    case feedback
}

/// One notification of an account, as `/notifikasi` lists it.
public struct AccountNotification: Hashable, Sendable {
    public var id: Int64
    public var kind: NotificationKind
    public var subject: String
    public var body: String
    /// A path of the portal ("/usulan/saya/TGS-2027-000123").
    public var link: String
    public var createdAt: Date
    public var readAt: Date?

    public var isRead: Bool { readAt != nil }
}
