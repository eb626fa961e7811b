import Musrenbang
import Storage

/// What the queue's filters offer a verifier: the kelurahan of its kecamatan (or of the city, for an OPD), the RW of
/// its kelurahan, every bidang and OPD. Read once per queue page.
struct VerificationChoices: Hashable {
    var kelurahan: [SelectOption] = []
    var rw: [SelectOption] = []
    var bidang: [SelectOption] = []
    var opd: [SelectOption] = []

    init(_ verifier: Verifier, database: Database) throws {
        self = try database.read { db in
            var choices = VerificationChoices()
            let wilayah = WilayahRepository(db)
            switch verifier.unit {
            case .kelurahan(let id):
                choices.rw = try wilayah.rws(kelurahanId: id).map { SelectOption(value: String($0.id.rawValue), text: "RW \(AreaWords.pad($0.number))") }
            case .kecamatan(let id):
                choices.kelurahan = try wilayah.kelurahanList(kecamatanId: id).map { SelectOption(value: String($0.id.rawValue), text: $0.name) }
            case .opd:
                choices.kelurahan = try wilayah.kelurahanList().map { SelectOption(value: String($0.id.rawValue), text: $0.name) }
            }
            let catalog = CatalogRepository(db)
            choices.bidang = try catalog.bidangList().map { SelectOption(value: String($0.id.rawValue), text: $0.name) }
            if verifier.level != .opd {
                choices.opd = try catalog.opdList().map { SelectOption(value: String($0.id.rawValue), text: $0.shortName) }
            }
            return choices
        }
    }

    private init() {}
}
