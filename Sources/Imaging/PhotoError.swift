/// Why a file cannot be made into a small photo; `message` is the Indonesian sentence shown to the uploader.
public enum PhotoError: Error, Equatable, Sendable {
    /// The bytes are neither JPEG nor PNG.
    case notAPhoto
    /// The header announces more pixels than `PhotoLimits.maxPixels`.
    case tooManyPixels(width: Int, height: Int)
    /// An interlaced PNG above `PhotoLimits.maxInterlacedPixels` (its rows cannot be shrunk one at a time).
    case interlacedTooLarge(width: Int, height: Int)
    /// The file claims to be JPEG or PNG but does not decode (truncated, damaged, unsupported variant).
    case undecodable(detail: String)
    /// The small version could not be encoded (should not happen on valid pixels).
    case encodingFailed(detail: String)

    /// The sentence for the uploader, in Indonesian.
    public var message: String {
        switch self {
        case .notAPhoto:
            "Berkas bukan foto JPEG atau PNG."
        case .tooManyPixels(let width, let height):
            "Foto terlalu besar (\(width)×\(height) piksel); kirim foto paling banyak 40 megapiksel."
        case .interlacedTooLarge(let width, let height):
            "Foto PNG bertautan (interlaced) \(width)×\(height) piksel terlalu besar untuk diproses; simpan ulang tanpa "
                + "interlace atau kirim sebagai JPEG."
        case .undecodable:
            "Foto rusak atau tidak lengkap sehingga tidak dapat dibuka; kirim ulang fotonya."
        case .encodingFailed:
            "Versi kecil foto tidak dapat dibuat; coba foto lain."
        }
    }
}
