import HTTPServer

extension HTTPResponse {
    /// A page of the portal: `text/html; charset=utf-8`, never cached (pages carry personal data and CSRF tokens).
    static func page(_ html: HTML, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"],
                     body: .bytes(Array(html.rendered.utf8)))
    }
}
