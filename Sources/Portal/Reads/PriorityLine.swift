import Musrenbang
import Storage

/// One proposal line of a priority list: the printed berita acara's lists and its Tabel T-D.4 (Permendagri 86/2017),
/// and the ratified list's exports (Tabel T-D.4 and SIPD's usulan list, `/data`). Built from a full proposal with the
/// names it needs; carries nothing personal: the proposer is "Warga RT 01/RW 02 Kel. Pondok Karya", never a name.
struct PriorityLine {
    let rank: Int?
    let code: TrackingCode
    let title: String
    /// The kamus activity (T-D.4's "Program/Kegiatan").
    let activity: String
    let bidang: String
    let problem: String
    /// "Warga RT 01/RW 02 Kel. Pondok Karya" (or "Warga Kelurahan Pondok Karya" without RT/RW).
    let proposer: String
    /// The location as entered, with its kelurahan.
    let location: String
    /// The volume and cost in force (the latest level's recommendation, else as proposed).
    let volume: Int64
    let unit: String
    let cost: Int64
    /// The OPD responsible: the one the kecamatan routed it to, else the kamus activity's (short name).
    let opd: String
    let funded: Bool
    /// The allocation's reason, or the rejection's.
    let reason: String

    /// "4 paket".
    var volumeText: String { "\(volume) \(unit)" }

    /// The names a set of lines is written with: the catalogue's and kelurahan's whole (small tables), the RT and RW
    /// numbers of the given proposals only.
    struct Names {
        let kamus: [KamusID: String]
        let opd: [OPDID: String]
        let bidang: [BidangID: String]
        let kelurahan: [KelurahanID: String]
        let rw: [Int64: Int]
        let rt: [Int64: Int]

        init(_ db: Connection, for proposals: [Proposal]) throws {
            let catalog = CatalogRepository(db)
            kamus = Dictionary(uniqueKeysWithValues: try catalog.kamusList().map { ($0.id, $0.name) })
            opd = Dictionary(uniqueKeysWithValues: try catalog.opdList().map { ($0.id, $0.shortName) })
            bidang = Dictionary(uniqueKeysWithValues: try catalog.bidangList().map { ($0.id, $0.name) })
            kelurahan = Dictionary(uniqueKeysWithValues: try WilayahRepository(db).kelurahanList().map { ($0.id, $0.name) })
            func numbers(_ table: String, _ ids: [Int64]) throws -> [Int64: Int] {
                guard !ids.isEmpty else { return [:] }
                var numbers: [Int64: Int] = [:]
                try db.forEachRow("SELECT id, number FROM \(table) WHERE id IN (SELECT value FROM json_each(?))",
                                  ["[" + Set(ids).map(String.init).joined(separator: ",") + "]"]) { row in
                    numbers[try row.get(0)] = try row.get(1)
                }
                return numbers
            }
            rw = try numbers("rw", proposals.compactMap { $0.origin.rwId?.rawValue })
            rt = try numbers("rt", proposals.compactMap { $0.origin.rtId?.rawValue })
        }
    }

    init(_ p: Proposal, names: Names, rank: Int?, funded: Bool, reason: String) {
        let kelurahan = names.kelurahan[p.origin.kelurahanId]
        let units = PublicLabel.Units(kecamatanName: "", kelurahanName: kelurahan ?? "",
                                      rwNumber: p.origin.rwId.flatMap { names.rw[$0.rawValue] },
                                      rtNumber: p.origin.rtId.flatMap { names.rt[$0.rawValue] })
        self.rank = rank
        code = p.trackingCode
        title = p.title
        activity = names.kamus[p.kamusId] ?? ""
        bidang = names.bidang[p.bidangId] ?? ""
        problem = p.problem
        proposer = units.rtNumber != nil && units.rwNumber != nil && kelurahan != nil
            ? "\(PublicLabel.proposer(units)) Kel. \(kelurahan ?? "")" : PublicLabel.proposer(units)
        location = Self.location(p.locationText, kelurahan: kelurahan)
        volume = p.effectiveVolume
        unit = p.unit
        cost = p.effectiveCost
        opd = names.opd[p.routedOPDId ?? p.opdId] ?? ""
        self.funded = funded
        self.reason = reason
    }

    /// The location as entered, with its kelurahan unless the text already names it.
    static func location(_ text: String, kelurahan: String?) -> String {
        guard let kelurahan, !text.localizedCaseInsensitiveContains(kelurahan) else { return text }
        return text.isEmpty ? "Kel. \(kelurahan)" : "\(text), Kel. \(kelurahan)"
    }
}
