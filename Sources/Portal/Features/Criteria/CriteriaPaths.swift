/// The addresses of Bappeda's scoring criteria of the current cycle: the list and its add form, the change of one,
/// and its removal.
enum CriteriaPaths {
    static let list = "/kerja/master/kriteria"

    static func change(_ id: Int64) -> String { "\(list)/\(id)" }

    static func remove(_ id: Int64) -> String { "\(list)/\(id)/hapus" }

    static let rule = "Kriteria penilaian dan bobotnya diatur oleh Bappeda. Bila akun Anda juga memegang peran itu, pilih peran tersebut "
        + "lewat \"Ganti peran\"."
}
