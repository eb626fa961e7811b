/// The addresses of Bappeda's ceiling page: the settings of both levels (preview and save post to the same address)
/// and the OPD ceilings.
enum CeilingPaths {
    static let settings = "/kerja/pagu"
    static let opd = "/kerja/pagu/opd"

    static let rule = "Halaman pagu hanya untuk Bappeda, yang mengatur pagu indikatif kewilayahan dan pagu perangkat daerah. Bila "
        + "akun Anda juga memegang peran itu, pilih peran tersebut lewat \"Ganti peran\"."
}
