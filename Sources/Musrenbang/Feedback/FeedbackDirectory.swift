/// The names feedback pages need, read once: the city's kecamatan, kelurahan and agencies. It names areas and units
/// in words ("Kelurahan Pondok Karya, Kecamatan Ciputat Timur", "Dinas Pekerjaan Umum dan Penataan Ruang (DPUPR)") and
/// lists the form's choices.
public struct FeedbackDirectory: Hashable, Sendable {
    public let cityName: String
    /// By name.
    public let kecamatan: [Kecamatan]
    /// By kecamatan, then name.
    public let kelurahan: [Kelurahan]
    /// By name.
    public let opds: [OPD]

    public init(cityName: String, kecamatan: [Kecamatan], kelurahan: [Kelurahan], opds: [OPD]) {
        self.cityName = cityName
        self.kecamatan = kecamatan.sorted { $0.name < $1.name }
        self.kelurahan = kelurahan.sorted { ($0.kecamatanId, $0.name) < ($1.kecamatanId, $1.name) }
        self.opds = opds.sorted { $0.name < $1.name }
    }

    public func kecamatan(_ id: KecamatanID) -> Kecamatan? { kecamatan.first { $0.id == id } }
    public func kelurahan(_ id: KelurahanID) -> Kelurahan? { kelurahan.first { $0.id == id } }
    public func opd(_ id: OPDID) -> OPD? { opds.first { $0.id == id } }

    /// The kelurahan of one kecamatan, by name.
    public func kelurahan(in kecamatanId: KecamatanID) -> [Kelurahan] { kelurahan.filter { $0.kecamatanId == kecamatanId } }

    /// "Kelurahan Pondok Karya", "Kecamatan Ciputat Timur", "Dinas Kesehatan (DINKES)", "Bappeda".
    public func unitName(_ unit: FeedbackUnit) -> String {
        switch unit {
        case .kelurahan(let id): return "Kelurahan " + (kelurahan(id)?.name ?? "#\(id)")
        case .kecamatan(let id): return "Kecamatan " + (kecamatan(id)?.name ?? "#\(id)")
        case .opd(let id): return opd(id).map { "\($0.name) (\($0.shortName))" } ?? "Perangkat daerah #\(id)"
        case .bappeda: return "Bappeda"
        }
    }

    /// Whether `unit` names a kelurahan, kecamatan or agency of this city (Bappeda always).
    public func contains(_ unit: FeedbackUnit) -> Bool {
        switch unit {
        case .kelurahan(let id): kelurahan(id) != nil
        case .kecamatan(let id): kecamatan(id) != nil
        case .opd(let id): opd(id) != nil
        case .bappeda: true
        }
    }

    /// "Kelurahan Pondok Karya, Kecamatan Ciputat Timur", "Kecamatan Ciputat Timur", "Seluruh Kota Tangerang Selatan".
    public func areaName(_ area: FeedbackArea) -> String {
        switch area {
        case .kota: return "Seluruh " + (cityName.isEmpty ? "kota" : cityName)
        case .kecamatan(let id): return "Kecamatan " + (kecamatan(id)?.name ?? "#\(id)")
        case .kelurahan(let id):
            guard let found = kelurahan(id) else { return "Kelurahan #\(id)" }
            return "Kelurahan \(found.name), Kecamatan \(kecamatan(found.kecamatanId)?.name ?? "#\(found.kecamatanId)")"
        }
    }

    /// The kecamatan of an area (a kelurahan's own); nil for the whole city or an area this city does not hold.
    public func kecamatanId(of area: FeedbackArea) -> KecamatanID? {
        switch area {
        case .kota: nil
        case .kecamatan(let id): kecamatan(id)?.id
        case .kelurahan(let id): kelurahan(id)?.kecamatanId
        }
    }

    /// Whether `area` is the city or names a kecamatan or kelurahan this city holds.
    public func contains(_ area: FeedbackArea) -> Bool {
        switch area {
        case .kota: true
        case .kecamatan(let id): kecamatan(id) != nil
        case .kelurahan(let id): kelurahan(id) != nil
        }
    }

    /// An agency by its code (the routing table's).
    public func opd(code: String) -> OPDID? { opds.first { $0.code == code }?.id }

    /// Every unit feedback can be forwarded to: Bappeda, the agencies, the kecamatan, the kelurahan.
    public var units: [FeedbackUnit] {
        [.bappeda] + opds.map { .opd($0.id) } + kecamatan.map { .kecamatan($0.id) } + kelurahan.map { .kelurahan($0.id) }
    }
}
