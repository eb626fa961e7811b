import HTTPServer

/// A piece of HTML. Its string interpolation escapes every interpolated value (`& < > " '`), so one rule is safe in
/// text and in quoted attributes; markup is only ever added as another `HTML` value, or through the one explicitly
/// named call `HTML.unescaped(_:)` for trusted, constant markup.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The markup, ready to send.
    public private(set) var rendered: String

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    /// Trusted markup as it is (constant strings of the portal itself; never user input).
    public static func unescaped(_ markup: String) -> HTML { HTML(rendered: markup) }

    private init(rendered: String) { self.rendered = rendered }

    /// Nothing.
    public static let empty = HTML(rendered: "")

    /// The pieces one after another.
    public static func join(_ pieces: [HTML], separator: HTML = .empty) -> HTML {
        HTML(rendered: pieces.map(\.rendered).joined(separator: separator.rendered))
    }

    /// `text` escaped.
    public static func text(_ text: String) -> HTML { HTML(rendered: escape(text)) }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(rendered: lhs.rendered + rhs.rendered) }

    /// Escapes the five characters that matter in text and in quoted attribute values.
    public static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// Interpolation that escapes everything but `HTML` values.
    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity + interpolationCount * 16) }

        public mutating func appendLiteral(_ literal: String) { output += literal }

        /// Markup made by the portal (already escaped where it interpolated).
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }

        /// Several pieces of markup, one after another.
        public mutating func appendInterpolation(_ pieces: [HTML]) { for piece in pieces { output += piece.rendered } }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }

        /// Text or nothing, escaped.
        public mutating func appendInterpolation(_ text: String?) { if let text { output += HTML.escape(text) } }

        /// Any other value by its description, escaped.
        public mutating func appendInterpolation<Value: CustomStringConvertible>(_ value: Value) {
            output += HTML.escape(value.description)
        }
    }
}
