// Glue between the byte-level form and cookie parsers (Forms/, Cookies/) and the request and response
// types, kept apart so the parsers depend on bytes and files only.

extension HTTPRequest {
    /// Cookies sent with the request (all `Cookie` headers); malformed pairs are skipped and the first
    /// occurrence of a name wins.
    public var cookies: [String: String] {
        CookieHeader.parse(headers.values("Cookie"))
    }

    /// The body decoded as a form by its `Content-Type` (`application/x-www-form-urlencoded` or
    /// `multipart/form-data`); a spooled body is streamed from its file in chunks. Throws `HTTPError`
    /// 400 (malformed), 413 (over `limits`), 415 (not a form) or 500 (disk), with an Indonesian message.
    /// Uploaded files land in `uploadDirectory` under random names and belong to the caller:
    /// move them or call `FormData.removeFiles()`.
    public func form(
        limits: FormLimits = FormLimits(), uploadDirectory: String = FormReader.defaultUploadDirectory
    ) throws -> FormData {
        let contentType = headers["Content-Type"]
        do throws(FormError) {
            switch body {
            case .empty:
                return try FormReader.read(
                    contentType: contentType, body: [], limits: limits, uploadDirectory: uploadDirectory)
            case .bytes(let bytes):
                return try FormReader.read(
                    contentType: contentType, body: bytes, limits: limits, uploadDirectory: uploadDirectory)
            case .file(let path, _):
                return try FormReader.read(
                    contentType: contentType, bodyFile: path, limits: limits, uploadDirectory: uploadDirectory)
            }
        } catch {
            throw HTTPError(
                status: HTTPStatus(code: error.statusCode, reasonPhrase: error.reasonPhrase), message: error.message)
        }
    }
}

extension HTTPResponse {
    /// Adds one `Set-Cookie` header for `cookie` (each cookie its own header: they are never comma-joined).
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}
