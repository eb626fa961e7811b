import Musrenbang

/// What the public list's filters offer: the cycles, and the city's kecamatan with their kelurahan, every bidang and
/// OPD (`MusrenbangService.listChoices`, kept while none of them changes).
struct PublicBrowseChoices: Hashable {
    var cycles: [Cycle]
    var lists: ListChoices

    init(cycles: [Cycle], kotaId: KotaID?, service: MusrenbangService) throws {
        self.cycles = cycles
        lists = try kotaId.map { try service.listChoices(kotaId: $0) } ?? ListChoices(kecamatan: [], kelurahan: [], bidang: [], opd: [])
    }

    var kecamatan: [Kecamatan] { lists.kecamatan }
    var kelurahanList: [Kelurahan] { lists.kelurahan }
    var bidang: [Bidang] { lists.bidang }
    var opd: [OPD] { lists.opd }

    func kecamatanName(_ id: Int64) -> String? { kecamatan.first { $0.id.rawValue == id }?.name }

    func kelurahan(_ id: Int64) -> Kelurahan? { kelurahanList.first { $0.id.rawValue == id } }
}
