import Musrenbang
import Storage

/// A kelurahan with its RW and RT, read once: the RT choices of the paper form and the RT/RW numbers of an import.
struct KelurahanArea {
    let kelurahan: Kelurahan
    let kecamatanName: String
    /// RW by number, each with its RT by number.
    let rws: [(rw: RukunWarga, rts: [RukunTetangga])]

    static func load(_ id: KelurahanID, database: Database) throws -> KelurahanArea {
        try database.read { db in
            let wilayah = WilayahRepository(db)
            let kelurahan = try wilayah.kelurahan(id: id)
            let kecamatan = try wilayah.kecamatan(id: kelurahan.kecamatanId)
            let rws = try wilayah.rws(kelurahanId: id).sorted { $0.number < $1.number }.map { rw in
                (rw: rw, rts: try wilayah.rts(rwId: rw.id).sorted { $0.number < $1.number })
            }
            return KelurahanArea(kelurahan: kelurahan, kecamatanName: kecamatan.name, rws: rws)
        }
    }

    /// The RT numbered `rt` in the RW numbered `rw`, or nil.
    func rt(rw: Int, rt: Int) -> RukunTetangga? {
        rws.first { $0.rw.number == rw }?.rts.first { $0.number == rt }
    }

    /// The RT with id `id` and its RW, when it is in this kelurahan.
    func rt(id: Int64) -> (rw: RukunWarga, rt: RukunTetangga)? {
        for entry in rws { if let rt = entry.rts.first(where: { $0.id.rawValue == id }) { return (entry.rw, rt) } }
        return nil
    }

    /// The origin of an RT of this kelurahan.
    func origin(_ rw: RukunWarga, _ rt: RukunTetangga) -> Origin {
        Origin(kecamatanId: kelurahan.kecamatanId, kelurahanId: kelurahan.id, rwId: rw.id, rtId: rt.id)
    }

    /// The RT select's groups: one per RW, "RT 01/RW 02".
    var rtGroups: [SelectGroup] {
        rws.map { entry in
            SelectGroup(label: "RW \(ProposalPlace.pad(entry.rw.number))", options: entry.rts.map {
                SelectOption(value: String($0.id.rawValue), text: "RT \(ProposalPlace.pad($0.number))/RW \(ProposalPlace.pad(entry.rw.number))")
            })
        }
    }
}

extension ProposalCatalog {
    /// The same catalogue with bidang `id` first in the kamus select (the operator's previous form's bidang).
    func withBidangFirst(_ id: Int64?) -> ProposalCatalog {
        guard let id else { return self }
        return ProposalCatalog(bidang: bidang.filter { $0.id.rawValue == id } + bidang.filter { $0.id.rawValue != id }, items: items)
    }
}
