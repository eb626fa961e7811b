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

    /// The berita acara that locks this envelope's results.
    public var lockKey: LockKey {
        switch self {
        case .kelurahan(let id): .kelurahan(id)
        case .kecamatan(let id): .kecamatan(id)
        case .opd(let id): .opd(id)
        }
    }

    /// The envelope whose results `lockKey` locks (nil for the kota, which has no envelope).
    public init?(lockKey: LockKey) {
        switch lockKey {
        case .kelurahan(let id): self = .kelurahan(id)
        case .kecamatan(let id): self = .kecamatan(id)
        case .opd(let id): self = .opd(id)
        case .kota: return nil
        }
    }

    public var description: String { "\(level.rawValue):\(ownerId)" }

    /// Indonesian label for messages: "pagu kelurahan 12" (screens show the area's or OPD's name instead).
    public var displayName: String {
        switch self {
        case .kelurahan(let id): "kelurahan \(id)"
        case .kecamatan(let id): "kecamatan \(id)"
        case .opd(let id): "perangkat daerah \(id)"
        }
    }
}
