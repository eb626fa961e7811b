/// What the server asks of an application: how large a body a route accepts, and the response.
public protocol Responder: Sendable {
    /// The largest body accepted for `method` on `rawPath` (asked after the head, before the body is read).
    func bodyLimit(method: HTTPMethod, rawPath: String) -> Int
    /// Answers a request; runs on a worker thread and may block.
    func respond(to request: HTTPRequest) throws -> HTTPResponse
}
