import Musrenbang

/// The file to start an import from: as Excel saves CSV in an Indonesian locale (UTF-8 with BOM, `;`, CRLF), the
/// header row and one example row whose activity is the first item of the kamus.
enum ImportTemplate {
    static let columns: [ImportColumn] = [.rw, .rt, .proposerName, .kegiatan, .volume, .judul, .permasalahan, .keluaran, .hasil,
                                          .lokasi, .lintang, .bujur, .penerimaManfaat]

    static func bytes(example item: KamusItem?) -> [UInt8] {
        let header = columns.map(\.rawValue).joined(separator: ";")
        let example = ["1", "3", "Ani Rahmawati", item?.code ?? "KODE-KAMUS", "120", "Perbaikan saluran air RT 03",
                       "\"Saluran tersumbat; air meluap ke jalan saat hujan\"", "Saluran 120 meter", "Jalan tidak tergenang",
                       "Gang Mawar", "-6,3021", "106,7123", "80"].joined(separator: ";")
        return [0xEF, 0xBB, 0xBF] + Array("\(header)\r\n\(example)\r\n".utf8)
    }
}
