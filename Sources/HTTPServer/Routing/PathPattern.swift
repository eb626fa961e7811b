/// A route path such as `/usulan/:kode` or `/static/*path`: literal segments, `:name` parameters
/// (one segment) and a final `*name` wildcard (the rest, possibly empty).
struct PathPattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case wildcard(String)
    }

    let segments: [Segment]
    let description: String

    init(_ pattern: String) {
        description = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).enumerated().map { index, part in
            if part.hasPrefix(":") { return .parameter(String(part.dropFirst())) }
            if part.hasPrefix("*") { return .wildcard(String(part.dropFirst())) }
            return .literal(String(part))
        }
    }

    /// Parameters if `rawPath` matches; segments are percent-decoded one by one, so `%2F` stays inside
    /// its segment. Nil if it does not match or a segment does not decode.
    func match(_ rawPath: String) -> [String: String]? { match(parts: Self.split(rawPath)) }

    /// `match` on a path already split by `split` (a router splits a request's path once for all its routes).
    func match(parts: [Substring]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .wildcard(let name):
                let rest = parts.dropFirst(index)
                var decoded: [String] = []
                for part in rest {
                    guard let text = Self.decode(part) else { return nil }
                    decoded.append(text)
                }
                parameters[name] = decoded.joined(separator: "/")
                return parameters
            case .literal(let text):
                guard index < parts.count, Self.segment(parts[index], equals: text) else { return nil }
            case .parameter(let name):
                guard index < parts.count, let decoded = Self.decode(parts[index]) else { return nil }
                parameters[name] = decoded
            }
        }
        return parts.count == segments.count ? parameters : nil
    }

    /// Whether `match(rawPath)` would succeed, without building the parameters.
    func matches(_ rawPath: String) -> Bool { matches(parts: Self.split(rawPath)) }

    /// `matches` on a path already split by `split`.
    func matches(parts: [Substring]) -> Bool {
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .wildcard:
                return parts.dropFirst(index).allSatisfy { Self.decode($0) != nil }
            case .literal(let text):
                guard index < parts.count, Self.segment(parts[index], equals: text) else { return false }
            case .parameter:
                guard index < parts.count, Self.decode(parts[index]) != nil else { return false }
            }
        }
        return parts.count == segments.count
    }

    /// The non-empty segments between `/`, split on bytes (a `/` is always one byte in UTF-8).
    static func split(_ rawPath: String) -> [Substring] {
        rawPath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map { Substring($0) }
    }

    /// A raw segment without `%` (and without NUL, which decoding refuses) is its own decoding: skip the copy.
    private static func isPlain(_ part: Substring) -> Bool {
        !part.utf8.contains { $0 == UInt8(ascii: "%") || $0 == 0 }
    }

    private static func decode(_ part: Substring) -> String? {
        if isPlain(part) { return String(part) }
        return try? PercentDecoding.decode(Array(part.utf8))
    }

    private static func segment(_ part: Substring, equals text: String) -> Bool {
        if isPlain(part) { return part == text }
        guard let decoded = try? PercentDecoding.decode(Array(part.utf8)) else { return false }
        return decoded == text
    }

    /// Sorts routes so literals beat parameters beat wildcards, segment by segment, and a pattern that ends (no
    /// wildcard) beats a wildcard at the same place: `/` before `/*path`, `/usulan/baru` before `/usulan/:kode`.
    var specificity: [Int] {
        var keys = segments.map { segment in
            switch segment {
            case .literal: return 3
            case .parameter: return 2
            case .wildcard: return 1
            }
        }
        if !segments.contains(where: { if case .wildcard = $0 { true } else { false } }) { keys.append(4) }
        return keys
    }
}
