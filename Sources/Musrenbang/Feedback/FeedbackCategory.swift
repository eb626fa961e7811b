/// The fixed list of what feedback is about, fitting the planning pipeline (the seeds' "bidang mana yang perlu mendapat
/// perhatian"): the three bidang of the kamus split where the city's agencies split them, the public services of the
/// kelurahan and kecamatan offices, the Musrenbang process itself, and anything else. Raw values are the stored text;
/// where each goes: `FeedbackRouting`.
public enum FeedbackCategory: String, CaseIterable, Hashable, Sendable {
    case infrastruktur
    case lingkungan
    case sosial
    case ekonomi
    case pelayanan
    case musrenbang
    case lainnya

    /// "Infrastruktur", "Proses Musrenbang", ...
    public var displayName: String {
        switch self {
        case .infrastruktur: "Infrastruktur"
        case .lingkungan: "Lingkungan"
        case .sosial: "Sosial"
        case .ekonomi: "Ekonomi"
        case .pelayanan: "Pelayanan publik"
        case .musrenbang: "Proses Musrenbang"
        case .lainnya: "Lainnya"
        }
    }

    /// Examples shown beside the choice, so that a resident can pick without knowing the city's organisation.
    public var examples: String {
        switch self {
        case .infrastruktur: "jalan, saluran air, jembatan, lampu jalan, rambu"
        case .lingkungan: "sampah, banjir, taman, pohon, pencemaran"
        case .sosial: "kesehatan, pendidikan, bantuan sosial, penyandang disabilitas, kegiatan warga"
        case .ekonomi: "UMKM, pasar, pelatihan kerja, lapangan kerja"
        case .pelayanan: "pelayanan di kantor kelurahan atau kecamatan, administrasi, sikap petugas"
        case .musrenbang: "undangan dan jadwal musyawarah, usulan yang tidak jelas nasibnya, aplikasi ini"
        case .lainnya: "yang tidak termasuk di atas"
        }
    }
}
