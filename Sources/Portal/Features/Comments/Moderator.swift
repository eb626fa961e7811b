import Musrenbang

/// A comment moderator at work: a signed-in account acting as a verifier of a kelurahan, a camat or operator of a
/// kecamatan, a verifier of an OPD, or Bappeda (`CommentRules.moderatorRoles`); anyone else gets 403 with the rule.
/// Which comments it may hide is the engine's rule (the proposal must be in its scope).
struct Moderator {
    let signedIn: SignedIn

    static let rule = "Moderasi komentar hanya untuk Verifikator Kelurahan / Lurah, Operator Kecamatan, Camat, Verifikator "
        + "Perangkat Daerah dan Bappeda, untuk usulan di wilayah atau perangkat daerahnya."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        guard CommentRules.moderates(signedIn.actor) else { throw PortalError.forbidden(Self.rule) }
    }

    var actor: Actor { signedIn.actor }
}
