/// What a document of a kelurahan's Musrenbang is. Raw values are the stored text.
public enum MeetingDocumentKind: String, CaseIterable, Hashable, Sendable {
    case undangan
    case daftarHadir = "daftar_hadir"
    case fotoKegiatan = "foto_kegiatan"
    case beritaAcara = "berita_acara"
    case lainnya

    /// Indonesian display name.
    public var displayName: String {
        switch self {
        case .undangan: "Undangan"
        case .daftarHadir: "Daftar hadir"
        case .fotoKegiatan: "Foto kegiatan"
        case .beritaAcara: "Berita acara bertanda tangan"
        case .lainnya: "Dokumen lainnya"
        }
    }
}
