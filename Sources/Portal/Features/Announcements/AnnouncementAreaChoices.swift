import Musrenbang
import Storage

/// The areas announcements are for, read once per page (three small queries): the city, each kecamatan with its
/// kelurahan, and the perangkat daerah, with their names. Feeds the area selects of the staff form and of the public
/// filters, and names an area of an address.
struct AnnouncementAreaChoices {
    struct Kecamatan {
        let id: KecamatanID
        let name: String
        let kelurahan: [(id: KelurahanID, name: String)]
    }

    let cityName: String
    /// The city's code ("TGS"): part of the feeds' ids.
    let cityCode: String
    let kecamatan: [Kecamatan]
    let opd: [(id: OPDID, name: String)]

    static func load(_ database: Database) throws -> AnnouncementAreaChoices {
        try database.read { db in
            let city = try db.queryOne("SELECT code, name FROM kota ORDER BY id LIMIT 1")
            var kelurahan: [KecamatanID: [(id: KelurahanID, name: String)]] = [:]
            try db.forEachRow("SELECT id, kecamatan_id, name FROM kelurahan ORDER BY name") { row in
                kelurahan[KecamatanID(try row.get("kecamatan_id")), default: []].append((KelurahanID(try row.get("id")), try row.get("name")))
            }
            let kecamatan = try db.query("SELECT id, name FROM kecamatan ORDER BY name").map { row in
                let id = KecamatanID(try row.get("id"))
                return Kecamatan(id: id, name: try row.get("name"), kelurahan: kelurahan[id] ?? [])
            }
            let opd = try CatalogRepository(db).opdList().sorted { $0.name < $1.name }.map { (id: $0.id, name: $0.name) }
            return AnnouncementAreaChoices(cityName: try city?.get("name") ?? "Kota", cityCode: try city?.get("code") ?? "KOTA",
                                           kecamatan: kecamatan, opd: opd)
        }
    }

    /// The area's name ("Kecamatan Ciputat Timur", "Kelurahan Pondok Karya", "Dinas Kesehatan", the city's); nil when
    /// it is not one of the city's.
    func name(_ area: AnnouncementArea) -> String? {
        switch area {
        case .kota: return cityName
        case .kecamatan(let id): return kecamatan.first { $0.id == id }.map { "Kecamatan \($0.name)" }
        case .kelurahan(let id):
            for group in kecamatan { if let found = group.kelurahan.first(where: { $0.id == id }) { return "Kelurahan \(found.name)" } }
            return nil
        case .opd(let id): return opd.first { $0.id == id }?.name
        }
    }

    /// The desk's own unit in words: "Kelurahan Pondok Karya", "Dinas Kesehatan", the city's name for Bappeda.
    func unitName(_ desk: AnnouncementDesk) -> String { name(desk.ownArea) ?? desk.ownArea.text }

    /// The select's groups: the city, then one group per kecamatan (the whole kecamatan first, then its kelurahan),
    /// then the perangkat daerah when `withOPD`.
    func groups(cityLabel: String, withOPD: Bool) -> [SelectGroup] {
        var groups = [SelectGroup(label: nil, options: [SelectOption(value: AnnouncementArea.kota.text, text: cityLabel)])]
        for group in kecamatan {
            let options = [SelectOption(value: AnnouncementArea.kecamatan(group.id).text, text: "Kecamatan \(group.name)")]
                + group.kelurahan.map { SelectOption(value: AnnouncementArea.kelurahan($0.id).text, text: "Kelurahan \($0.name)") }
            groups.append(SelectGroup(label: "Kecamatan \(group.name)", options: options))
        }
        if withOPD && !opd.isEmpty {
            groups.append(SelectGroup(label: "Perangkat daerah", options: opd.map { SelectOption(value: AnnouncementArea.opd($0.id).text, text: $0.name) }))
        }
        return groups
    }
}
