/// The area a piece of feedback is about: one kelurahan, one kecamatan as a whole, or the whole city.
public enum FeedbackArea: Hashable, Sendable {
    case kota
    case kecamatan(KecamatanID)
    case kelurahan(KelurahanID)

    /// The level of the area, the routing table's column.
    public var level: FeedbackAreaLevel {
        switch self {
        case .kota: .kota
        case .kecamatan: .kecamatan
        case .kelurahan: .kelurahan
        }
    }

    /// The form's value: "kota", "kecamatan:3", "kelurahan:12".
    public var text: String {
        switch self {
        case .kota: "kota"
        case .kecamatan(let id): "kecamatan:\(id)"
        case .kelurahan(let id): "kelurahan:\(id)"
        }
    }

    /// Reads `text`; nil for anything else (the ids are checked against the wilayah when the feedback is stored).
    public init?(text: String) {
        if text == "kota" { self = .kota; return }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int64(parts[1]), id > 0 else { return nil }
        switch parts[0] {
        case "kecamatan": self = .kecamatan(KecamatanID(id))
        case "kelurahan": self = .kelurahan(KelurahanID(id))
        default: return nil
        }
    }
}

/// The level of a feedback's area: the columns of the routing table.
public enum FeedbackAreaLevel: String, CaseIterable, Hashable, Sendable {
    case kelurahan, kecamatan, kota

    public var displayName: String {
        switch self {
        case .kelurahan: "satu kelurahan"
        case .kecamatan: "satu kecamatan"
        case .kota: "seluruh kota"
        }
    }
}

/// The unit responsible for a piece of feedback: a kelurahan office, a kecamatan office, one of the city's agencies
/// (OPD), or Bappeda. Who acts for which: `FeedbackRules.actsFor`.
public enum FeedbackUnit: Hashable, Sendable {
    case kelurahan(KelurahanID)
    case kecamatan(KecamatanID)
    case opd(OPDID)
    case bappeda

    /// The stored kind (`feedback.unit_kind`).
    public var kind: String {
        switch self {
        case .kelurahan: "kelurahan"
        case .kecamatan: "kecamatan"
        case .opd: "opd"
        case .bappeda: "bappeda"
        }
    }

    /// Stable text: "kelurahan:3", "kecamatan:2", "opd:4", "bappeda" (the event log, the forward form's choice).
    public var text: String {
        switch self {
        case .kelurahan(let id): "kelurahan:\(id)"
        case .kecamatan(let id): "kecamatan:\(id)"
        case .opd(let id): "opd:\(id)"
        case .bappeda: "bappeda"
        }
    }

    /// Reads `text`; nil for anything else (whether the unit exists is checked where it is used).
    public init?(text: String) {
        if text == "bappeda" { self = .bappeda; return }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int64(parts[1]), id > 0 else { return nil }
        switch parts[0] {
        case "kelurahan": self = .kelurahan(KelurahanID(id))
        case "kecamatan": self = .kecamatan(KecamatanID(id))
        case "opd": self = .opd(OPDID(id))
        default: return nil
        }
    }
}
