import Foundation
import Musrenbang

/// A signed-in browser: the account, the role it acts in (`RoleAssignment.key`), its CSRF token and a flash message.
struct WebSession: Sendable, Equatable {
    /// SHA-256 of the cookie's id (the row key).
    var idHash: String
    var accountId: AccountID
    /// The chosen role as `RoleAssignment.key`; nil until chosen when the account holds several.
    var acting: String?
    var csrfToken: String
    var createdAt: Date
    var lastSeenAt: Date
    var flash: String?
}

extension RoleAssignment {
    /// A stable text for one assignment, e.g. "verifikator_kelurahan|kelurahan:12", kept in the session.
    var key: String { "\(role.rawValue)|\(scope.text)" }
}
