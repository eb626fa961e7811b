/// The stages of a planning cycle, in order. Each has a window; a proposal sits in one stage at a time.
/// Raw values are the stored text.
public enum Stage: String, CaseIterable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Pra-Musrenbang RT/RW: residents and RT/RW heads submit and endorse.
    case praMusrenbang = "pra_musrenbang"
    /// Musrenbang kelurahan: verification, ranking, F1/F2 against the kelurahan ceiling.
    case kelurahan
    /// Musrenbang kecamatan: the kelurahan F2, verified, ranked, funded or routed.
    case kecamatan
    /// Forum Perangkat Daerah: each OPD verifies what was routed to it.
    case opd
    /// Musrenbang kota: Bappeda ratifies the final list.
    case kota

    /// Indonesian display name, e.g. "Musrenbang kelurahan".
    public var displayName: String {
        switch self {
        case .praMusrenbang: "Pra-Musrenbang RT/RW"
        case .kelurahan: "Musrenbang kelurahan"
        case .kecamatan: "Musrenbang kecamatan"
        case .opd: "Forum Perangkat Daerah"
        case .kota: "Musrenbang kota"
        }
    }

    /// The level whose berita acara locks results of this stage (none for pra-Musrenbang).
    public var level: Level? {
        switch self {
        case .praMusrenbang: nil
        case .kelurahan: .kelurahan
        case .kecamatan: .kecamatan
        case .opd: .opd
        case .kota: .kota
        }
    }

    private var order: Int { Stage.allCases.firstIndex(of: self)! }
    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.order < rhs.order }
    public var description: String { rawValue }
}

/// A deliberating level: owns a berita acara (lock), an envelope (except kota) and a recommendation.
public enum Level: String, CaseIterable, Hashable, Sendable, Comparable, CustomStringConvertible {
    case kelurahan, kecamatan, opd, kota

    /// The stage in which this level deliberates.
    public var stage: Stage {
        switch self {
        case .kelurahan: .kelurahan
        case .kecamatan: .kecamatan
        case .opd: .opd
        case .kota: .kota
        }
    }

    /// Who signs this level's recommendation in SIPD terms (lurah, camat, OPD, Bappeda).
    public var recommenderName: String {
        switch self {
        case .kelurahan: "Lurah"
        case .kecamatan: "Camat"
        case .opd: "Perangkat Daerah"
        case .kota: "Bappeda"
        }
    }

    private var order: Int { Level.allCases.firstIndex(of: self)! }
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.order < rhs.order }
    public var description: String { rawValue }
}
