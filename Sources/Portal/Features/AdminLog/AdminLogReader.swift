import Musrenbang

/// Bappeda or the admin sistem reading the admin log: making one checks the sign-in and the role (403 with the rule
/// for anyone else); the engine checks again on the database.
struct AdminLogReader {
    let signedIn: SignedIn

    static let rule = "Log admin hanya untuk Bappeda dan Admin Sistem. "
        + "Bila akun Anda juga memegang salah satu peran itu, pilih peran tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        guard signedIn.actor.role == .bappeda || signedIn.actor.role == .adminSistem else { throw PortalError.forbidden(Self.rule) }
    }

    var actor: Actor { signedIn.actor }
}
