import Musrenbang

/// The address of Bappeda's group shares (minimum and maximum per group of every envelope of a level).
enum GroupSharePaths {
    static let page = "/kerja/pagu/bagian"

    static func level(_ level: Level) -> String { "\(page)?tingkat=\(level.rawValue)" }

    /// The levels whose envelopes have group shares.
    static let levels: [Level] = [.kelurahan, .kecamatan, .opd]

    static let rule = "Porsi kelompok pagu (bidang, fisik dan non-fisik) diatur oleh Bappeda. Bila akun Anda juga memegang peran itu, "
        + "pilih peran tersebut lewat \"Ganti peran\"."
}
