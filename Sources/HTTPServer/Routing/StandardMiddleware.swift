import Foundation
import Glibc

/// The middleware every site wants: access log, security headers, error pages.
public enum StandardMiddleware {
    /// One line per request: time, method, path, status, body bytes (`-` when streamed), microseconds.
    /// `sink` receives the line (stderr in production, a collector or nothing in tests).
    public static func accessLog(_ sink: @escaping @Sendable (String) -> Void) -> Middleware {
        { next in
            { request in
                let start = MonotonicClock.now()
                var status = 500
                var bytes = "-"
                defer {
                    let micros = (MonotonicClock.now() - start) / 1000
                    sink("\(HTTPDate.iso8601Now()) \(request.method) \(request.path) \(status) \(bytes) \(micros)us")
                }
                let response: HTTPResponse
                do {
                    response = try next(request)
                } catch let error as HTTPError {
                    status = error.status.code
                    throw error
                }
                status = response.status.code
                switch response.body {
                case .empty: bytes = "0"
                case .bytes(let body): bytes = String(body.count)
                case .file(let path):
                    var info = stat()
                    bytes = stat(path, &info) == 0 ? String(Int(info.st_size)) : "-"
                case .stream: bytes = "-"
                }
                return response
            }
        }
    }

    /// Writes access lines to standard error.
    public static let standardErrorSink: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Default Content-Security-Policy: only our own origin, no plugins, no framing.
    public static let defaultContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

    /// Adds nosniff, DENY framing, a referrer policy and a CSP, unless the handler set its own.
    public static func securityHeaders(contentSecurityPolicy: String = defaultContentSecurityPolicy) -> Middleware {
        // Built once, not per request.
        let defaults = [
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("Content-Security-Policy", contentSecurityPolicy),
        ]
        return { next in
            { request in
                var response = try next(request)
                for (name, value) in defaults where !response.headers.contains(name) {
                    response.headers.add(name, value)
                }
                return response
            }
        }
    }

    /// Turns thrown errors into pages: an `HTTPError` into its status and message, anything else into a
    /// 500 page that reveals nothing of the internals (the error goes to `log`).
    public static func errorPages(log: (@Sendable (String) -> Void)? = nil) -> Middleware {
        { next in
            { request in
                do {
                    return try next(request)
                } catch let error as HTTPError {
                    return .error(error)
                } catch {
                    log?("error in \(request.method) \(request.path): \(error)")
                    return .error(HTTPError(.internalServerError))
                }
            }
        }
    }
}
