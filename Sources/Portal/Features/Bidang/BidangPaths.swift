/// The addresses of Bappeda's bidang list: the list and its add form, and the rename of one.
enum BidangPaths {
    static let list = "/kerja/master/bidang"

    static func rename(_ id: Int64) -> String { "\(list)/\(id)" }

    static let rule = "Daftar bidang diatur oleh Bappeda. Bila akun Anda juga memegang peran itu, pilih peran tersebut lewat \"Ganti peran\"."
}
