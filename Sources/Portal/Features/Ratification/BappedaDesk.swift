import Musrenbang

/// Bappeda at the kota stage (`/kerja/penetapan`). Making one checks the sign-in and the role (403 with the rule).
struct BappedaDesk {
    let signedIn: SignedIn

    static let rule = "Halaman penetapan hanya untuk Bappeda, yang menetapkan hasil Musrenbang kota dan mengoreksi hasil yang sudah "
        + "dikunci. Bila akun Anda juga memegang peran itu, pilih peran tersebut lewat \"Ganti peran\"."

    /// `rule` is the refusal's text for anyone but Bappeda (each Bappeda workspace says what it is for).
    init(_ context: RequestContext, rule: String = Self.rule) throws {
        signedIn = try SignedIn(context)
        guard signedIn.actor.role == .bappeda else { throw PortalError.forbidden(rule) }
    }

    var actor: Actor { signedIn.actor }

    /// What waits for ratification: funded at the kelurahan, kecamatan or OPD level.
    static let waiting: [ProposalState] = [ProposalState(.kelurahan, .didanai), ProposalState(.kecamatan, .didanai), ProposalState(.opd, .didanai)]
    static let ratified = ProposalState(.kota, .ditetapkan)
    static let notRatified = ProposalState(.kota, .tidakDitetapkan)
}
