import HTTPServer

/// The checks of every state-changing request: the form's `_csrf` field equals the page's token (the session's, or
/// the visitor's `csrf` cookie), and the browser says the request comes from this site (`Origin` naming this host,
/// or `Sec-Fetch-Site: same-origin`); a request that sends neither header is judged by the token alone.
enum CSRFCheck {
    static let fieldName = "_csrf"

    static func verify(_ request: HTTPRequest, submitted: String?, expected: String) throws(PortalError) {
        guard let submitted, SessionToken.equal(submitted, expected) else { throw .csrfRejected }
        if let site = request.headers["Sec-Fetch-Site"], site != "same-origin" && site != "none" { throw .csrfRejected }
        if let origin = request.headers["Origin"] {
            guard origin != "null", let host = request.headers["Host"], authority(of: origin) == host.lowercased() else {
                throw .csrfRejected
            }
        }
    }

    /// "https://Example.org:8443" -> "example.org:8443".
    static func authority(of origin: String) -> String? {
        guard let range = origin.range(of: "://") else { return nil }
        let rest = origin[range.upperBound...]
        return String(rest.prefix { $0 != "/" }).lowercased()
    }
}
