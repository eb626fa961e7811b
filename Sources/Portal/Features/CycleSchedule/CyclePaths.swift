/// The addresses of Bappeda's cycle page: the schedule with its history, the extension of a window, and a new cycle.
enum CyclePaths {
    static let schedule = "/kerja/siklus"
    static let extend = "/kerja/siklus/perpanjang"
    static let new = "/kerja/siklus/baru"

    static let rule = "Halaman jadwal siklus hanya untuk Bappeda, yang mengatur jadwal setiap tahap Musrenbang. Bila akun Anda juga "
        + "memegang peran itu, pilih peran tersebut lewat \"Ganti peran\"."
}
