/// The addresses of the recap: the public page and its printable version, and Bappeda's, which shows the same before
/// the results are public. Filters stand in the query (`RecapQuery`), so every view is a shareable address.
enum RecapPaths {
    static let page = "/rekap"
    static let print = "/rekap/cetak"
    static let staff = "/kerja/rekap"
    static let staffPrint = "/kerja/rekap/cetak"

    static let rule = "Rekap sebelum diumumkan hanya untuk Bappeda. Rekap yang sudah diumumkan terbuka untuk siapa saja di /rekap. Bila "
        + "akun Anda juga memegang peran Bappeda, pilih peran tersebut lewat \"Ganti peran\"."
}
