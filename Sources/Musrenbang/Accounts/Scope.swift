/// The area or agency a role acts on. A staff role acts only on proposals its scope covers.
public enum Scope: Hashable, Sendable {
    /// A resident: only proposals they proposed.
    case selfOnly
    case rt(RTID)
    case rw(RWID)
    case kelurahan(KelurahanID)
    case kecamatan(KecamatanID)
    case opd(OPDID)
    /// The whole city (Bappeda).
    case kota
    /// The system (admin): accounts only, no planning decisions.
    case system

    /// The kind of a scope, without its id (what a role requires).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case selfOnly = "self", rt, rw, kelurahan, kecamatan, opd, kota, system
    }

    public var kind: Kind {
        switch self {
        case .selfOnly: .selfOnly
        case .rt: .rt
        case .rw: .rw
        case .kelurahan: .kelurahan
        case .kecamatan: .kecamatan
        case .opd: .opd
        case .kota: .kota
        case .system: .system
        }
    }

    /// The scope as stable text: "self", "rt:12", "kelurahan:3", "opd:4", "kota", "system".
    public var text: String {
        switch self {
        case .selfOnly: "self"
        case .rt(let id): "rt:\(id)"
        case .rw(let id): "rw:\(id)"
        case .kelurahan(let id): "kelurahan:\(id)"
        case .kecamatan(let id): "kecamatan:\(id)"
        case .opd(let id): "opd:\(id)"
        case .kota: "kota"
        case .system: "system"
        }
    }

    /// Does this scope, held by account `accountId`, cover proposal `proposal`?
    /// Area scopes compare with the proposal's origin; an OPD scope with the OPD it was routed to.
    public func covers(_ proposal: Proposal, actingAccount accountId: AccountID) -> Bool {
        covers(ProposalPlacement(proposal), actingAccount: accountId)
    }

    /// `covers(_:actingAccount:)` over the placement fields it reads.
    public func covers(_ proposal: ProposalPlacement, actingAccount accountId: AccountID) -> Bool {
        switch self {
        case .selfOnly: proposal.proposerAccountId == accountId
        case .rt(let id): proposal.origin.rtId == id
        case .rw(let id): proposal.origin.rwId == id
        case .kelurahan(let id): proposal.origin.kelurahanId == id
        case .kecamatan(let id): proposal.origin.kecamatanId == id
        case .opd(let id): proposal.routedOPDId == id
        case .kota: true
        case .system: false
        }
    }

    /// Does this scope cover an origin (used before a proposal exists, e.g. an operator entering a form)?
    public func covers(origin: Origin) -> Bool {
        switch self {
        case .selfOnly: true
        case .rt(let id): origin.rtId == id
        case .rw(let id): origin.rwId == id
        case .kelurahan(let id): origin.kelurahanId == id
        case .kecamatan(let id): origin.kecamatanId == id
        case .opd: false
        case .kota: true
        case .system: false
        }
    }
}
