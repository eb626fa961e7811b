import Glibc
import Synchronization

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
    /// Resolved files by relative path, re-checked with realpath and stat at most once a second.
    private let cache = StaticFileCache()

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
        guard !Self.containsEncodedSeparator(request.rawPath) else { throw HTTPError(.notFound) }
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments {
            guard segment.utf8.first != UInt8(ascii: "."),
                  !segment.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0 }) else {
                throw HTTPError(.notFound)
            }
        }
        let key = segments.joined(separator: "/")
        let now = MonotonicClock.now()
        let file: StaticFileCache.Entry
        if let cached = cache.lookup(key, now: now) {
            file = cached
        } else {
            file = try resolve(segments)
            cache.store(key, file, now: now)
        }
        let modified = file.modified
        let etag = file.etag
        var headers: HTTPHeaders = [
            "Content-Type": file.contentType,
            "ETag": etag,
            "Last-Modified": file.lastModified,
            "Cache-Control": cacheControl,
        ]
        if Self.notModified(request.headers, etag: etag, modified: modified) {
            headers.remove("Content-Type")
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: .ok, headers: headers, body: .file(path: file.path))
    }

    /// Resolves `segments` under the root (realpath, stat, index file) into what a response needs; 404
    /// when it leaves the root or is not a regular file.
    private func resolve(_ segments: [Substring]) throws -> StaticFileCache.Entry {
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
        FileBodyCache.shared.refresh(resolved, size: Int(info.st_size))
        let modified = Int(info.st_mtim.tv_sec)
        let etag = "\"\(String(Int(info.st_size), radix: 16))-\(String(modified, radix: 16))-\(String(Int(info.st_mtim.tv_nsec), radix: 16))\""
        return StaticFileCache.Entry(path: resolved, contentType: StaticContentTypes.forFile(resolved), etag: etag,
                                     modified: modified, lastModified: HTTPDate.format(modified))
    }

    /// `%2F` or `%5C` (any case) in the raw path.
    static func containsEncodedSeparator(_ rawPath: String) -> Bool {
        var bytes = rawPath.utf8.makeIterator()
        var state = 0  // 1 after "%", 2 after "%2", 3 after "%5"
        while let byte = bytes.next() {
            switch (state, byte) {
            case (1, UInt8(ascii: "2")): state = 2
            case (1, UInt8(ascii: "5")): state = 3
            case (2, UInt8(ascii: "f")), (2, UInt8(ascii: "F")), (3, UInt8(ascii: "c")), (3, UInt8(ascii: "C")): return true
            default: state = byte == UInt8(ascii: "%") ? 1 : 0
            }
        }
        return false
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

/// What `StaticFiles` learned about one requested path, kept for a second so a busy asset costs no
/// realpath/stat per request. Within that second a changed file is still sent whole and correctly
/// framed (the length is taken when sending); only its validators may lag by up to a second.
final class StaticFileCache: Sendable {
    struct Entry: Sendable {
        let path: String
        let contentType: String
        let etag: String
        let modified: Int
        let lastModified: String
    }

    private static let lifetime: UInt64 = 1_000_000_000
    /// Beyond this many paths the cache starts over, so probing random names cannot grow it without bound.
    private static let capacity = 4096
    private let entries = Mutex<[String: (entry: Entry, checked: UInt64)]>([:])

    /// The entry for `key` if it was checked within the last second.
    func lookup(_ key: String, now: UInt64) -> Entry? {
        entries.withLock { entries in
            guard let found = entries[key], now &- found.checked < Self.lifetime else { return nil }
            return found.entry
        }
    }

    /// Remembers a freshly checked entry.
    func store(_ key: String, _ entry: Entry, now: UInt64) {
        entries.withLock { entries in
            if entries.count >= Self.capacity && entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key] = (entry, now)
        }
    }
}
