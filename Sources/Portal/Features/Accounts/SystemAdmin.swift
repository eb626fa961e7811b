import Musrenbang

/// The admin sistem at work on accounts: making one checks the sign-in and the role (403 with the rule for anyone
/// else). The engine checks again, on the database, that the account holds the role.
struct SystemAdmin {
    let signedIn: SignedIn

    static let rule = "Halaman akun hanya untuk Admin Sistem, yang mengelola akun dan peran. "
        + "Bila akun Anda juga memegang peran itu, pilih peran tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        guard signedIn.actor.role == .adminSistem else { throw PortalError.forbidden(Self.rule) }
    }

    var actor: Actor { signedIn.actor }
}
