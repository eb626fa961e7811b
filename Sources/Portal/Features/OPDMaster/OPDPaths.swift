/// The addresses of Bappeda's perangkat daerah list: the list and its add form, and the rename of one.
enum OPDPaths {
    static let list = "/kerja/master/opd"

    static func rename(_ id: Int64) -> String { "\(list)/\(id)" }

    static let rule = "Daftar perangkat daerah diatur oleh Bappeda. Bila akun Anda juga memegang peran itu, pilih peran tersebut lewat "
        + "\"Ganti peran\"."
}
