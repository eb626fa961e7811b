import Glibc

/// Serves files from a folder: content types, ETag / If-None-Match and Last-Modified / If-Modified-Since
/// (304), Cache-Control, HEAD. Never escapes the folder: `..`, encoded slashes, dot files and symlinks
/// pointing outside (resolved with realpath) are refused with 404.
public struct StaticFiles: Sendable {
    /// The folder, resolved with realpath.
    public let root: String
    /// `Cache-Control` sent with every file.
    public let cacheControl: String
    /// File served for a directory request.
    public let indexFile: String

    /// Serves `root`, which must exist.
    public init(root: String, cacheControl: String = "public, max-age=300", indexFile: String = "index.html") throws {
        guard let resolved = Self.realPath(root) else {
            throw HTTPError(.internalServerError, "folder statis tidak ditemukan: \(root)")
        }
        self.root = resolved
        self.cacheControl = cacheControl
        self.indexFile = indexFile
    }

    /// A handler serving the route's `*path` wildcard parameter (named `parameter`).
    public func handler(parameter: String = "path") -> Handler {
        { request in try self.serve(request, relativePath: request.pathParameters[parameter] ?? "") }
    }

    /// Answers `request` with the file at `relativePath` under the root.
    public func serve(_ request: HTTPRequest, relativePath: String) throws -> HTTPResponse {
        guard request.method == .get || request.method == .head else { throw HTTPError(.methodNotAllowed) }
        // An encoded slash or backslash would let one "segment" span folders: refuse it outright.
        let raw = request.rawPath.lowercased()
        guard !raw.contains("%2f"), !raw.contains("%5c") else { throw HTTPError(.notFound) }
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments {
            guard !segment.hasPrefix("."), !segment.contains("\\"), !segment.contains("\u{0}") else {
                throw HTTPError(.notFound)
            }
        }
        var candidate = root + (segments.isEmpty ? "" : "/" + segments.joined(separator: "/"))
        guard var resolved = Self.realPath(candidate), Self.isInside(resolved, root) else { throw HTTPError(.notFound) }
        var info = stat()
        guard stat(resolved, &info) == 0 else { throw HTTPError(.notFound) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            candidate = resolved + "/" + indexFile
            guard let index = Self.realPath(candidate), Self.isInside(index, root), stat(index, &info) == 0 else {
                throw HTTPError(.notFound)
            }
            resolved = index
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw HTTPError(.notFound) }

        let modified = Int(info.st_mtim.tv_sec)
        let etag = "\"\(String(Int(info.st_size), radix: 16))-\(String(modified, radix: 16))-\(String(Int(info.st_mtim.tv_nsec), radix: 16))\""
        var headers: HTTPHeaders = [
            "Content-Type": StaticContentTypes.forFile(resolved),
            "ETag": etag,
            "Last-Modified": HTTPDate.format(modified),
            "Cache-Control": cacheControl,
        ]
        if Self.notModified(request.headers, etag: etag, modified: modified) {
            headers.remove("Content-Type")
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: .ok, headers: headers, body: .file(path: resolved))
    }

    /// RFC 9110 section 13.1: If-None-Match (weak comparison) wins; If-Modified-Since only without it.
    static func notModified(_ headers: HTTPHeaders, etag: String, modified: Int) -> Bool {
        let matches = headers.values("If-None-Match")
        if !matches.isEmpty {
            let tags = matches.flatMap { $0.split(separator: ",") }.map { $0.trimmingHTTPWhitespace() }
            return tags.contains { $0 == "*" || $0 == etag || $0 == "W/" + etag }
        }
        if let since = headers["If-Modified-Since"], let date = HTTPDate.parse(since) {
            return modified <= date
        }
        return false
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let length = strlen(resolved)
        return String(decoding: UnsafeRawBufferPointer(start: resolved, count: length), as: UTF8.self)
    }
}
