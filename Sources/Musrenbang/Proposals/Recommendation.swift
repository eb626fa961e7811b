import Foundation

/// One level's recommended volume and cost, kept beside the original (SIPD keeps lurah, camat, OPD and
/// Bappeda recommendations side by side).
public struct Recommendation: Hashable, Sendable {
    public var level: Level
    public var volume: Int64
    public var cost: Int64
    public var note: String
    /// True when the cost is above volume x SSH price by more than the cycle's tolerance.
    public var flaggedAboveTolerance: Bool
    public var recommendedBy: AccountID
    public var recommendedAt: Date

    public init(level: Level, volume: Int64, cost: Int64, note: String, flaggedAboveTolerance: Bool,
                recommendedBy: AccountID, recommendedAt: Date) {
        self.level = level; self.volume = volume; self.cost = cost; self.note = note
        self.flaggedAboveTolerance = flaggedAboveTolerance; self.recommendedBy = recommendedBy
        self.recommendedAt = recommendedAt
    }
}

/// The envelope (pagu) that funds a proposal.
public enum FundingEnvelope: Hashable, Sendable, CustomStringConvertible {
    case kelurahan(KelurahanID)
    case kecamatan(KecamatanID)
    case opd(OPDID)

    public var level: Level {
        switch self {
        case .kelurahan: .kelurahan
        case .kecamatan: .kecamatan
        case .opd: .opd
        }
    }

    /// The id of the area or OPD.
    public var ownerId: Int64 {
        switch self {
        case .kelurahan(let id): id.rawValue
        case .kecamatan(let id): id.rawValue
        case .opd(let id): id.rawValue
        }
    }

    /// Rebuilds an envelope from its stored columns (level text + owner id).
    public init?(level: Level, ownerId: Int64) {
        switch level {
        case .kelurahan: self = .kelurahan(KelurahanID(ownerId))
        case .kecamatan: self = .kecamatan(KecamatanID(ownerId))
        case .opd: self = .opd(OPDID(ownerId))
        case .kota: return nil
        }
    }

    public var description: String { "\(level.rawValue):\(ownerId)" }
}

/// Metadata of a file attached to a proposal (the bytes live on disk, outside the database).
public struct Attachment: Hashable, Sendable {
    public var id: AttachmentID
    public var proposalId: ProposalID
    public var fileName: String
    public var mediaType: String
    public var byteCount: Int64
    /// Lowercase hex SHA-256 of the content.
    public var sha256: String
    /// Path relative to the uploads directory.
    public var storagePath: String
    public var uploadedBy: AccountID
    public var uploadedAt: Date

    public init(id: AttachmentID, proposalId: ProposalID, fileName: String, mediaType: String, byteCount: Int64,
                sha256: String, storagePath: String, uploadedBy: AccountID, uploadedAt: Date) {
        self.id = id; self.proposalId = proposalId; self.fileName = fileName; self.mediaType = mediaType
        self.byteCount = byteCount; self.sha256 = sha256; self.storagePath = storagePath
        self.uploadedBy = uploadedBy; self.uploadedAt = uploadedAt
    }
}

public typealias AttachmentID = Identifier<Attachment>
