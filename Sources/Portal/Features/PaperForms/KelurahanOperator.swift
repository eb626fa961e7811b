import Musrenbang

/// A kelurahan operator at work (paper forms, the CSV import, the meeting's documents): making one checks the sign-in
/// and the role (403 with the rule for anyone else). The engine checks the scope of every change again.
struct KelurahanOperator {
    let signedIn: SignedIn
    let kelurahanId: KelurahanID

    static let rule = "Halaman ini untuk operator kelurahan, yang memasukkan formulir kertas, mengimpor usulan dan menyimpan "
        + "dokumen Musrenbang kelurahannya. Bila akun Anda juga memegang peran itu, pilih peran tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        guard signedIn.actor.role == .operatorKelurahan, case .kelurahan(let id) = signedIn.actor.scope else {
            throw PortalError.forbidden(Self.rule)
        }
        kelurahanId = id
    }

    var actor: Actor { signedIn.actor }
}
