/// The addresses of Bappeda's kamus usulan: the list (and its add form), one item (its change form), and its
/// deactivation or reactivation.
enum KamusPaths {
    static let list = "/kerja/master/kamus"

    static func item(_ id: Int64) -> String { "\(list)/\(id)" }

    static func status(_ id: Int64) -> String { "\(list)/\(id)/status" }

    static let rule = "Kamus usulan dan harga Standar Satuan Harga (SSH) diatur oleh Bappeda. Bila akun Anda juga memegang peran itu, "
        + "pilih peran tersebut lewat \"Ganti peran\"."
}
