import HTTPServer
import Musrenbang

extension Portal {
    /// The one place where errors become pages: sign-in and role choice as redirects, then 403, 404, 409, 422 and
    /// 503 pages in Indonesian that say the rule and what to do next; anything else a 500 page that reveals nothing.
    func errorResponse(_ error: Error, context: RequestContext) -> HTTPResponse {
        switch error {
        case PortalError.signInRequired(let returnTo):
            return .redirect(to: "/masuk?kembali=" + Self.queryEncode(returnTo))
        case PortalError.roleChoiceRequired(let returnTo):
            return .redirect(to: "/peran?kembali=" + Self.queryEncode(returnTo))
        case PortalError.forbidden(let rule):
            return message(context, .forbidden, "Tidak diizinkan", rule, next: "Kembali ke <a href=\"/\">beranda</a>.")
        case PortalError.conflict(let rule):
            return message(context, .conflict, "Tidak dapat dilakukan sekarang", rule, next: "Kembali ke <a href=\"/usulan/saya\">usulan saya</a>.")
        case PortalError.notFound, PersistenceError.notFound:
            return notFound(context)
        case PortalError.csrfRejected:
            return message(context, .forbidden, "Formulir tidak dapat diterima",
                           "Formulir ini sudah kedaluwarsa atau tidak dikirim dari halaman situs ini.",
                           next: "Muat ulang halaman, lalu kirim formulirnya sekali lagi.")
        case PortalError.busy:
            var response = message(context, .serviceUnavailable, "Sedang ramai",
                                   "Banyak orang sedang masuk pada saat yang sama.", next: "Tunggu sebentar, lalu coba lagi.")
            response.headers.set("Retry-After", "5")
            return response
        case let error as DomainError:
            return domainError(error, context: context)
        case let error as HTTPError:
            return message(context, error.status, "Permintaan tidak dapat diproses", error.message, next: "Kembali ke <a href=\"/\">beranda</a>.")
        default:
            configuration.log("portal: error in \(context.request.method) \(context.request.path): \(error)")
            return message(context, .internalServerError, "Terjadi kesalahan",
                           "Maaf, terjadi kesalahan di server. Data yang sudah tersimpan tetap aman.",
                           next: "Coba lagi sebentar lagi; bila terus terjadi, hubungi Bappeda.")
        }
    }

    /// A refusal of the engine: its rule in words (`DomainError.message`) with the status that fits it.
    func domainError(_ error: DomainError, context: RequestContext) -> HTTPResponse {
        let status: HTTPStatus = switch error {
        case .notInScope: .notFound
        case .roleNotAllowed, .accountInactive: .forbidden
        case .staleVersion: .conflict
        default: .unprocessableContent
        }
        if status == .notFound { return notFound(context) }
        return message(context, status, "Tidak dapat dilakukan", error.message, next: "Kembali ke <a href=\"/\">beranda</a>.")
    }

    func notFound(_ context: RequestContext) -> HTTPResponse {
        message(context, .notFound, "Halaman tidak ditemukan", "Alamat ini tidak ada, atau bukan untuk Anda.",
                next: "Periksa alamatnya, atau kembali ke <a href=\"/\">beranda</a>.")
    }

    /// A short page: a heading, what happened, and what to do next (`next` is the portal's own constant markup).
    func message(_ context: RequestContext, _ status: HTTPStatus, _ title: String, _ text: String, next: String) -> HTTPResponse {
        page(title, context, status: status, """
            <h1>\(title)</h1>
            <p class="lead">\(text)</p>
            <p>\(HTML.unescaped(next))</p>
            """)
    }

    /// Unknown paths get the portal's 404 page in its layout (the router throws 404 before any page runs).
    func notFoundPage() -> Middleware {
        { next in
            { [self] request in
                do {
                    return try next(request)
                } catch let error as HTTPError where error.status == .notFound {
                    return handle(request) { context in notFound(context) }
                }
            }
        }
    }

    /// Percent-encodes a value for a query string (unreserved characters and `/` stay).
    static func queryEncode(_ text: String) -> String {
        // A queue page encodes its return address into each of its links: bytes, not a string grown per character.
        func stays(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
            default: false
            }
        }
        guard !text.utf8.allSatisfy(stays) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if stays(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
