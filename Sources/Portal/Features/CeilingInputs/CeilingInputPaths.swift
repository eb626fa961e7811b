/// The addresses of Bappeda's criteria inputs of the ceiling formula: the table (and its save), the CSV template, the
/// import's preview and its confirmation.
enum CeilingInputPaths {
    static let table = "/kerja/pagu/kriteria"
    static let template = "/kerja/pagu/kriteria/templat.csv"
    static let importPreview = "/kerja/pagu/kriteria/impor"
    static let importConfirm = "/kerja/pagu/kriteria/impor/konfirmasi"
    static let importMaxBytes = 1_048_576

    static let rule = "Data kriteria pagu (penduduk, luas, PBB, rumah tangga miskin) diatur oleh Bappeda. Bila akun Anda juga memegang "
        + "peran itu, pilih peran tersebut lewat \"Ganti peran\"."
}
