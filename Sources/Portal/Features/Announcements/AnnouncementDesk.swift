import Musrenbang

/// A staff member at the announcements (`/kerja/pengumuman`): making one checks the sign-in and that the role writes
/// announcements (403 with the rule for anyone else). Bappeda chooses the area; everyone else writes for their own
/// unit, which the engine checks again whatever a form sends.
struct AnnouncementDesk {
    let signedIn: SignedIn
    let ownArea: AnnouncementArea

    static let rule = "Halaman pengumuman untuk Bappeda dan petugas wilayah: operator kelurahan dan Lurah, operator kecamatan dan Camat, "
        + "serta verifikator perangkat daerah, masing-masing untuk wilayahnya. Bila akun Anda juga memegang peran itu, pilih peran "
        + "tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        guard let own = AnnouncementArea.own(of: signedIn.actor) else { throw PortalError.forbidden(Self.rule) }
        ownArea = own
    }

    var actor: Actor { signedIn.actor }
    /// Bappeda writes for the city or any area in it; the others have no choice.
    var choosesArea: Bool { ownArea == .kota }
}
