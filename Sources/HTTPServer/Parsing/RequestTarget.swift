/// Splits a request-target (RFC 9112 section 3.2) into its raw path, decoded path and decoded query.
enum RequestTarget {
    struct Parts {
        var rawPath: String
        var path: String
        var query: [(name: String, value: String)]
    }

    static func parse(_ target: String) throws(HTTPError) -> Parts {
        if let plain = plainPath(target) { return plain }
        var rest = Substring(target)
        if target == "*" { return Parts(rawPath: "*", path: "*", query: []) }
        if !rest.hasPrefix("/") {
            // absolute-form: the authority is ignored (Host is authoritative enough for us).
            let lower = rest.prefix(8).lowercased()
            let scheme = lower.hasPrefix("http://") ? 7 : lower.hasPrefix("https://") ? 8 : 0
            guard scheme > 0 else { throw HTTPError(.badRequest) }
            rest = rest.dropFirst(scheme)
            if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                rest = rest[slash...]
            } else {
                rest = "/"
            }
            if rest.hasPrefix("?") { rest = "/" + rest }
        }
        guard !rest.contains("#") else { throw HTTPError(.badRequest) }
        let rawPath: Substring
        let rawQuery: Substring?
        if let mark = rest.firstIndex(of: "?") {
            rawPath = rest[..<mark]
            rawQuery = rest[rest.index(after: mark)...]
        } else {
            rawPath = rest
            rawQuery = nil
        }
        let path: String
        do { path = try PercentDecoding.decode(Array(rawPath.utf8)) } catch { throw HTTPError(.badRequest) }
        return Parts(rawPath: String(rawPath), path: path, query: try rawQuery.map { q throws(HTTPError) in try parseQuery(q) } ?? [])
    }

    /// The common origin-form target with nothing to split or decode (`/css/site.css`): it is its own
    /// raw and decoded path. Nil when it needs the general parse (query, escapes, `#`, NUL, other forms).
    private static func plainPath(_ target: String) -> Parts? {
        var bytes = target.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "/") else { return nil }
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0: return nil
            default: continue
            }
        }
        return Parts(rawPath: target, path: target, query: [])
    }

    /// The authority of an absolute-form target (`http://example.com:8080/x` -> `example.com:8080`), nil for
    /// any other form.
    static func absoluteFormAuthority(_ target: String) -> Substring? {
        guard let first = target.utf8.first, first != UInt8(ascii: "/"), target != "*" else { return nil }
        let lower = target.prefix(8).lowercased()
        let scheme = lower.hasPrefix("http://") ? 7 : lower.hasPrefix("https://") ? 8 : 0
        guard scheme > 0 else { return nil }
        let rest = target.dropFirst(scheme)
        return rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }

    /// Parses `a=1&b=x+y` into decoded pairs; a malformed escape is a 400.
    static func parseQuery(_ query: Substring) throws(HTTPError) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for piece in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let name = equals.map { piece[..<$0] } ?? piece[...]
            let value = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
            do {
                pairs.append((name: try PercentDecoding.decode(name, plusAsSpace: true),
                              value: try PercentDecoding.decode(value, plusAsSpace: true)))
            } catch {
                throw HTTPError(.badRequest)
            }
        }
        return pairs
    }
}
