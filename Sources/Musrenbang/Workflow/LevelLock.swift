import Foundation

/// Identifies one level's results that a berita acara locks: a kelurahan's, a kecamatan's, an OPD's
/// forum, or the city's.
public enum LockKey: Hashable, Sendable, CustomStringConvertible {
    case kelurahan(KelurahanID)
    case kecamatan(KecamatanID)
    case opd(OPDID)
    case kota

    public var level: Level {
        switch self {
        case .kelurahan: .kelurahan
        case .kecamatan: .kecamatan
        case .opd: .opd
        case .kota: .kota
        }
    }

    /// The area / OPD id (nil for kota), as stored in `level_locks.owner_id`.
    public var ownerId: Int64? {
        switch self {
        case .kelurahan(let id): id.rawValue
        case .kecamatan(let id): id.rawValue
        case .opd(let id): id.rawValue
        case .kota: nil
        }
    }

    /// Rebuilds a key from stored columns.
    public init?(level: Level, ownerId: Int64?) {
        switch (level, ownerId) {
        case (.kelurahan, let id?): self = .kelurahan(KelurahanID(id))
        case (.kecamatan, let id?): self = .kecamatan(KecamatanID(id))
        case (.opd, let id?): self = .opd(OPDID(id))
        case (.kota, nil): self = .kota
        default: return nil
        }
    }

    /// The key that locks `proposal`'s results at `level` (nil at OPD level when it was never routed).
    public static func forProposal(_ proposal: Proposal, at level: Level) -> LockKey? {
        forPlacement(ProposalPlacement(proposal), at: level)
    }

    /// `forProposal` over a proposal's placement.
    public static func forPlacement(_ proposal: ProposalPlacement, at level: Level) -> LockKey? {
        switch level {
        case .kelurahan: .kelurahan(proposal.origin.kelurahanId)
        case .kecamatan: .kecamatan(proposal.origin.kecamatanId)
        case .opd: proposal.routedOPDId.map { .opd($0) }
        case .kota: .kota
        }
    }

    public var description: String { "\(level.rawValue):\(ownerId.map(String.init) ?? "-")" }
}

/// A signed berita acara that locked a level's results.
public struct LevelLock: Hashable, Sendable {
    public var cycleId: CycleID
    public var key: LockKey
    public var documentNumber: String
    public var lockedBy: AccountID
    public var lockedAt: Date
    public var note: String
    /// The allocation run the berita acara applied (the one the meeting reviewed); nil for the kota, or an
    /// envelope that had no candidate.
    public var runId: Int64?

    public init(cycleId: CycleID, key: LockKey, documentNumber: String, lockedBy: AccountID, lockedAt: Date, note: String = "",
                runId: Int64? = nil) {
        self.cycleId = cycleId; self.key = key; self.documentNumber = documentNumber
        self.lockedBy = lockedBy; self.lockedAt = lockedAt; self.note = note; self.runId = runId
    }

    /// Locks `key` by its berita acara. Only the roles that own the level may lock it, in scope,
    /// while its stage is open, and a level is locked once.
    public static func lock(_ key: LockKey, cycle: Cycle, documentNumber: String, note: String = "",
                            by actor: Actor, at now: Date, existing: Set<LockKey>) throws(DomainError) -> LevelLock {
        let allowed: Bool
        switch (key, actor.role, actor.scope) {
        case (.kelurahan(let id), .verifikatorKelurahan, .kelurahan(let s)): allowed = id == s
        case (.kecamatan(let id), .operatorKecamatan, .kecamatan(let s)), (.kecamatan(let id), .camat, .kecamatan(let s)):
            allowed = id == s
        case (.opd(let id), .verifikatorOPD, .opd(let s)): allowed = id == s
        case (.kota, .bappeda, .kota): allowed = true
        case (.kelurahan, .verifikatorKelurahan, _), (.kecamatan, .operatorKecamatan, _), (.kecamatan, .camat, _),
             (.opd, .verifikatorOPD, _):
            throw .notInScope
        default:
            throw .roleNotAllowed(role: actor.role, action: "kunci berita acara")
        }
        guard allowed else { throw .notInScope }
        guard !existing.contains(key) else { throw .levelLocked(key) }
        try cycle.requireOpen(key.level.stage, at: now)
        let number = documentNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !number.isEmpty else { throw .missingInput(field: "nomor berita acara") }
        return LevelLock(cycleId: cycle.id, key: key, documentNumber: number, lockedBy: actor.accountId,
                         lockedAt: now, note: note)
    }
}
