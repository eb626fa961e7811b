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
    func match(_ rawPath: String) -> [String: String]? {
        let parts = rawPath.split(separator: "/", omittingEmptySubsequences: true)
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .wildcard(let name):
                let rest = parts.dropFirst(index)
                var decoded: [String] = []
                for part in rest {
                    guard let text = try? PercentDecoding.decode(Array(part.utf8)) else { return nil }
                    decoded.append(text)
                }
                parameters[name] = decoded.joined(separator: "/")
                return parameters
            case .literal(let text):
                guard index < parts.count, let decoded = try? PercentDecoding.decode(Array(parts[index].utf8)),
                      decoded == text else { return nil }
            case .parameter(let name):
                guard index < parts.count, let decoded = try? PercentDecoding.decode(Array(parts[index].utf8)) else { return nil }
                parameters[name] = decoded
            }
        }
        return parts.count == segments.count ? parameters : nil
    }

    /// Sorts routes so literals beat parameters beat wildcards, segment by segment.
    var specificity: [Int] {
        segments.map { segment in
            switch segment {
            case .literal: return 3
            case .parameter: return 2
            case .wildcard: return 1
            }
        }
    }
}
