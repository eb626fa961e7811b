import Musrenbang

/// A signed-in resident (role `warga`) on their own proposals: making one checks the sign-in and the role (403
/// with the rule for anyone else).
struct Resident {
    let signedIn: SignedIn

    static let rule = "Halaman \"Usulan saya\" untuk warga yang mengajukan usulan. Bila akun Anda juga akun warga, "
        + "pilih peran Warga lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        guard signedIn.actor.role == .warga else { throw PortalError.forbidden(Self.rule) }
    }

    var actor: Actor { signedIn.actor }

    /// Whether this resident proposed or typed in `proposal` (others get 404 on its page).
    func owns(_ proposal: Proposal) -> Bool {
        proposal.proposerAccountId == actor.accountId || proposal.enteredBy == actor.accountId
    }
}
