import Foundation

/// A user account. NIK, phone, e-mail and address are personal data: never published.
/// The password hash is handled by `PasswordHasher` and is not part of this value.
public struct Account: Hashable, Sendable {
    public var id: AccountID
    public var username: String
    public var displayName: String
    public var nik: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var active: Bool
    public var roles: [RoleAssignment]
    public var createdAt: Date
    /// The RT a resident registered as home (their proposals' default origin); nil for staff and older accounts.
    public var homeRtId: RTID?

    public init(id: AccountID, username: String, displayName: String, nik: String? = nil, phone: String? = nil,
                email: String? = nil, address: String? = nil, active: Bool = true, roles: [RoleAssignment],
                createdAt: Date, homeRtId: RTID? = nil) {
        self.id = id; self.username = username; self.displayName = displayName; self.nik = nik
        self.phone = phone; self.email = email; self.address = address; self.active = active
        self.roles = roles; self.createdAt = createdAt; self.homeRtId = homeRtId
    }

    /// The actor this account is when acting under `assignment` (which must be one of its roles).
    public func acting(as assignment: RoleAssignment) throws(DomainError) -> Actor {
        guard active else { throw .accountInactive }
        guard roles.contains(assignment) else { throw .roleNotAllowed(role: assignment.role, action: "bertindak") }
        return Actor(accountId: id, role: assignment.role, scope: assignment.scope)
    }
}

public typealias AccountID = Identifier<Account>

/// One role of an account with its scope, e.g. operator kelurahan of Cirendeu.
public struct RoleAssignment: Hashable, Sendable {
    public var role: Role
    public var scope: Scope

    /// Validates that the scope's kind is the one the role requires.
    public init(role: Role, scope: Scope) throws(DomainError) {
        guard scope.kind == role.scopeKind else {
            throw .invalidInput(field: "cakupan", detail: "peran \(role.displayName) memerlukan cakupan \(role.scopeKind.rawValue)")
        }
        self.role = role; self.scope = scope
    }
}

/// Who is acting: an account under one of its role assignments. The engine's guards read this.
public struct Actor: Hashable, Sendable {
    public var accountId: AccountID
    public var role: Role
    public var scope: Scope

    /// Builds an actor; the scope kind must match the role (see `RoleAssignment`).
    public init(accountId: AccountID, role: Role, scope: Scope) {
        self.accountId = accountId; self.role = role; self.scope = scope
    }

    /// Does this actor's scope cover proposal `proposal`? A scope of the wrong kind for the role covers nothing.
    public func covers(_ proposal: Proposal) -> Bool {
        scope.kind == role.scopeKind && scope.covers(proposal, actingAccount: accountId)
    }

    /// `covers(_:)` over a proposal's placement.
    public func covers(_ placement: ProposalPlacement) -> Bool {
        scope.kind == role.scopeKind && scope.covers(placement, actingAccount: accountId)
    }

    /// Does this actor own the envelope (run allocations on it, see its decisions)?
    public func owns(_ envelope: FundingEnvelope) -> Bool {
        switch (envelope, role, scope) {
        case (.kelurahan(let id), .verifikatorKelurahan, .kelurahan(let s)): id == s
        case (.kecamatan(let id), .operatorKecamatan, .kecamatan(let s)), (.kecamatan(let id), .camat, .kecamatan(let s)): id == s
        case (.opd(let id), .verifikatorOPD, .opd(let s)): id == s
        default: false
        }
    }
}
