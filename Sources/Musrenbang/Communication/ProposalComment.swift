import Foundation

/// A resident's comment on a published proposal as everyone sees it: the author only as `authorLabel` ("Warga Kel.
/// Pondok Karya"), never a name, phone, e-mail or NIK; a hidden comment without its text, with the moderator's reason.
public struct ProposalComment: Hashable, Sendable {
    public var id: Int64
    public var authorLabel: String
    /// The text; nil once a moderator hid it.
    public var body: String?
    public var createdAt: Date
    public var hidden: CommentHiding?
}

/// Why and when a comment was hidden (who is in the moderation log, not on the public page).
public struct CommentHiding: Hashable, Sendable {
    public var reason: String
    public var at: Date
}

/// A comment in a moderator's queue, with the proposal it is on.
public struct ModerationItem: Hashable, Sendable {
    public var comment: ProposalComment
    public var trackingCode: TrackingCode
    public var proposalTitle: String
    public var kelurahanName: String
}

/// The rules of comments (docs/comments.md): length, rate, who moderates.
public enum CommentRules {
    /// The most characters a comment may hold.
    public static let maxLength = 1000
    /// The most characters of a moderator's reason.
    public static let maxReasonLength = 500
    /// At most this many comments per account within `ratePeriod`.
    public static let maxPerPeriod = 10
    public static let ratePeriod: TimeInterval = 3600

    /// The roles that moderate the comments on proposals in their scope: the kelurahan's verifiers, the kecamatan's
    /// camat and operator, the OPD's verifiers (what was routed to it) and Bappeda (all).
    public static let moderatorRoles: Set<Role> = [.verifikatorKelurahan, .camat, .operatorKecamatan, .verifikatorOPD, .bappeda]

    /// Whether `actor` moderates comments at all.
    public static func moderates(_ actor: Actor) -> Bool { moderatorRoles.contains(actor.role) && actor.scope.kind == actor.role.scopeKind }

    /// The public name of a commenter: "Warga Kel. <home kelurahan>", or "Warga" for an account without a home RT.
    public static func authorLabel(homeKelurahan: String?) -> String {
        guard let homeKelurahan, !homeKelurahan.isEmpty else { return "Warga" }
        return "Warga Kel. \(homeKelurahan)"
    }
}
