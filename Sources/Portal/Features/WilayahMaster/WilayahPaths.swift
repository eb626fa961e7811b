/// The addresses of Bappeda's wilayah master data: the kecamatan and kelurahan list (add, rename), and one
/// kelurahan's RW and RT (add).
enum WilayahPaths {
    static let list = "/kerja/master/wilayah"
    static let kecamatan = "/kerja/master/wilayah/kecamatan"
    static let kelurahan = "/kerja/master/wilayah/kelurahan"

    static func kecamatan(_ id: Int64) -> String { "\(kecamatan)/\(id)" }
    static func kelurahan(_ id: Int64) -> String { "\(kelurahan)/\(id)" }
    static func rw(_ kelurahanId: Int64) -> String { "\(kelurahan)/\(kelurahanId)/rw" }
    static func rt(_ kelurahanId: Int64) -> String { "\(kelurahan)/\(kelurahanId)/rt" }

    static let rule = "Data wilayah (kecamatan, kelurahan, RW, RT) diatur oleh Bappeda. Bila akun Anda juga memegang peran itu, pilih "
        + "peran tersebut lewat \"Ganti peran\"."
}
