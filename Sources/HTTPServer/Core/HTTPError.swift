/// An error that becomes a response with `status`; `message` is shown to the user (Bahasa Indonesia).
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPStatus
    public var message: String

    /// An error answered with `status`; without a message, the standard Indonesian one.
    public init(_ status: HTTPStatus, _ message: String? = nil) {
        self.status = status
        self.message = message ?? HTTPError.defaultMessage(for: status)
    }

    /// The same, with labels.
    public init(status: HTTPStatus, message: String? = nil) { self.init(status, message) }

    public var description: String { "\(status): \(message)" }

    /// A short Indonesian explanation for the statuses the server itself produces.
    public static func defaultMessage(for status: HTTPStatus) -> String {
        switch status.code {
        case 400: return "Permintaan tidak valid."
        case 403: return "Akses ditolak."
        case 404: return "Halaman tidak ditemukan."
        case 405: return "Metode tidak diizinkan untuk alamat ini."
        case 408: return "Waktu permintaan habis."
        case 413: return "Isi permintaan terlalu besar."
        case 414: return "Alamat permintaan terlalu panjang."
        case 417: return "Ekspektasi tidak dapat dipenuhi."
        case 431: return "Header permintaan terlalu besar."
        case 500: return "Terjadi kesalahan pada server."
        case 501: return "Fitur tidak didukung oleh server."
        case 503: return "Server sedang sibuk, silakan coba lagi."
        case 505: return "Versi HTTP tidak didukung."
        default: return status.reasonPhrase
        }
    }
}
