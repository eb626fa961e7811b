/// The roles of domain.md. Raw values are the stored text.
public enum Role: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case warga
    case ketuaRT = "ketua_rt"
    case ketuaRW = "ketua_rw"
    case operatorKelurahan = "operator_kelurahan"
    /// Verifikator kelurahan or the Lurah.
    case verifikatorKelurahan = "verifikator_kelurahan"
    case operatorKecamatan = "operator_kecamatan"
    case camat
    case verifikatorOPD = "verifikator_opd"
    case bappeda
    case adminSistem = "admin_sistem"

    /// Indonesian display name.
    public var displayName: String {
        switch self {
        case .warga: "Warga"
        case .ketuaRT: "Ketua RT"
        case .ketuaRW: "Ketua RW"
        case .operatorKelurahan: "Operator Kelurahan"
        case .verifikatorKelurahan: "Verifikator Kelurahan / Lurah"
        case .operatorKecamatan: "Operator Kecamatan"
        case .camat: "Camat"
        case .verifikatorOPD: "Verifikator Perangkat Daerah"
        case .bappeda: "Bappeda"
        case .adminSistem: "Admin Sistem"
        }
    }

    /// The kind of scope this role must be given.
    public var scopeKind: Scope.Kind {
        switch self {
        case .warga: .selfOnly
        case .ketuaRT: .rt
        case .ketuaRW: .rw
        case .operatorKelurahan, .verifikatorKelurahan: .kelurahan
        case .operatorKecamatan, .camat: .kecamatan
        case .verifikatorOPD: .opd
        case .bappeda: .kota
        case .adminSistem: .system
        }
    }

    public var description: String { rawValue }
}
