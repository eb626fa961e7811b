import Musrenbang
import Storage

/// A signed-in account acting for a Musrenbang meeting: the verifier (Lurah) of a kelurahan, the operator or Camat of a
/// kecamatan, or the verifier of an OPD at its forum. Making one checks the sign-in and the role (403 with the rule for
/// anyone else); the envelope it works on is its own unit's, so an address never names another unit.
struct MeetingDesk {
    let signedIn: SignedIn
    let envelope: FundingEnvelope

    static let rule = "Halaman musyawarah (penilaian, alokasi, berita acara) hanya untuk Verifikator Kelurahan atau Lurah, "
        + "Operator Kecamatan atau Camat, dan Verifikator Perangkat Daerah. Bila akun Anda juga memegang peran itu, "
        + "pilih peran tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        switch (signedIn.actor.role, signedIn.actor.scope) {
        case (.verifikatorKelurahan, .kelurahan(let id)): envelope = .kelurahan(id)
        case (.operatorKecamatan, .kecamatan(let id)), (.camat, .kecamatan(let id)): envelope = .kecamatan(id)
        case (.verifikatorOPD, .opd(let id)): envelope = .opd(id)
        default: throw PortalError.forbidden(Self.rule)
        }
    }

    var actor: Actor { signedIn.actor }
    var viewer: Viewer { .actor(signedIn.actor) }
    var level: Level { envelope.level }
    var lockKey: LockKey { envelope.lockKey }

    /// "Musrenbang kelurahan", "Musrenbang kecamatan", "Forum Perangkat Daerah".
    var meetingName: String { level.stage.displayName }

    /// The unit in words: "Kelurahan Pondok Karya", "Kecamatan Ciputat Timur", "Perangkat Daerah DPUPR".
    func unitName(_ database: Database) throws -> String {
        try database.read { db in
            switch envelope {
            case .kelurahan(let id): "Kelurahan " + (try WilayahRepository(db).kelurahan(id: id).name)
            case .kecamatan(let id): "Kecamatan " + (try WilayahRepository(db).kecamatan(id: id).name)
            case .opd(let id): "Perangkat Daerah " + (try CatalogRepository(db).opdList().first { $0.id == id }?.shortName ?? "\(id)")
            }
        }
    }
}
