import Musrenbang
import Storage

/// The Operator Kecamatan or Camat at the routing of its kecamatan's F2 (`/kerja/rute`). Making one checks the sign-in
/// and the role (403 with the rule for anyone else).
struct KecamatanDesk {
    let signedIn: SignedIn
    let kecamatanId: KecamatanID

    static let rule = "Halaman penerusan usulan hanya untuk Operator Kecamatan dan Camat, yang meneruskan usulan F2 kecamatannya "
        + "setelah berita acara Musrenbang kecamatan. Bila akun Anda juga memegang peran itu, pilih peran tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        switch (signedIn.actor.role, signedIn.actor.scope) {
        case (.operatorKecamatan, .kecamatan(let id)), (.camat, .kecamatan(let id)): kecamatanId = id
        default: throw PortalError.forbidden(Self.rule)
        }
    }

    var actor: Actor { signedIn.actor }

    /// The state of a proposal waiting to be routed: passed up by the kecamatan's berita acara (F2).
    static let waiting = ProposalState(.kecamatan, .f2)

    /// Whether the kecamatan's berita acara of `cycleId` is signed (its results locked): routing starts after it.
    func isLocked(cycleId: CycleID, database: Database) throws -> Bool {
        try database.read { db in try LockRepository(db).keys(cycleId: cycleId) }.contains(.kecamatan(kecamatanId))
    }

    /// The OPDs to route to, for the target choice (value: the id; text: the short name and the name).
    static func opds(_ database: Database) throws -> [OPD] {
        try database.read { db in try CatalogRepository(db).opdList() }
    }
}
