/// The area an announcement is for: the whole city (Bappeda's), or one kecamatan, kelurahan or perangkat daerah (its
/// staff's). Its `text` ("kota", "kecamatan:3", "kelurahan:12", "opd:4") is what forms and addresses carry.
public enum AnnouncementArea: Hashable, Sendable, CustomStringConvertible {
    case kota
    case kecamatan(KecamatanID)
    case kelurahan(KelurahanID)
    case opd(OPDID)

    /// "kota", "kecamatan:3", "kelurahan:12", "opd:4" (the form's and the address's value).
    public var text: String {
        switch self {
        case .kota: "kota"
        case .kecamatan(let id): "kecamatan:\(id)"
        case .kelurahan(let id): "kelurahan:\(id)"
        case .opd(let id): "opd:\(id)"
        }
    }

    public var description: String { text }

    /// Reads `text`; nil for anything else (an unknown kind, a missing or non-positive id).
    public init?(text: String) {
        if text == "kota" { self = .kota; return }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count <= 18, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              let id = Int64(parts[1]), id > 0 else { return nil }
        switch parts[0] {
        case "kecamatan": self = .kecamatan(KecamatanID(id))
        case "kelurahan": self = .kelurahan(KelurahanID(id))
        case "opd": self = .opd(OPDID(id))
        default: return nil
        }
    }

    /// The area a staff role writes for: its own unit (Bappeda: the whole city); nil for a role that writes none.
    public static func own(of actor: Actor) -> AnnouncementArea? {
        switch (actor.role, actor.scope) {
        case (.bappeda, .kota): .kota
        case (.operatorKelurahan, .kelurahan(let id)), (.verifikatorKelurahan, .kelurahan(let id)): .kelurahan(id)
        case (.operatorKecamatan, .kecamatan(let id)), (.camat, .kecamatan(let id)): .kecamatan(id)
        case (.verifikatorOPD, .opd(let id)): .opd(id)
        default: nil
        }
    }

    /// The meeting stages an area holds: a kelurahan its RT/RW pre-meetings and its Musrenbang, a kecamatan its
    /// Musrenbang, a perangkat daerah its forum; the whole city any (Bappeda announces every level's meetings).
    public var meetingStages: [Stage] {
        switch self {
        case .kota: Stage.allCases
        case .kelurahan: [.praMusrenbang, .kelurahan]
        case .kecamatan: [.kecamatan]
        case .opd: [.opd]
        }
    }
}
