/// The frame every chart shares: an inline `<svg>` (no script, no external file) with `role="img"`, named by its
/// `<title>` and described by its `<desc>` (both referenced by `aria-labelledby`), the fills' patterns, and its shapes.
/// Every text passes through `HTML`'s escaping, which is also well-formed XML (`XMLParser` reads it in the tests).
enum SVGChart {
    /// The drawing's width in user units; it scales with the page (`figure.chart` in site.css). Narrow enough that its
    /// 14-unit text stays readable on a 320 px phone; each row writes its name and its figures on lines of their own.
    static let width = 400.0
    static let fontSize = 14.0

    static func frame(id: String, title: String, description: String, height: Double, _ shapes: HTML) -> HTML {
        let w = number(width), h = number(height)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-judul \(id)-uraian" viewBox="0 0 \(w) \(h)" \
            width="\(w)" height="\(h)" font-family="system-ui, sans-serif" font-size="\(number(fontSize))" fill="\(ChartFill.ink)">\
            <title id="\(id)-judul">\(title)</title><desc id="\(id)-uraian">\(description)</desc>\(ChartFill.definitions(chartId: id))
            \(shapes)
            </svg>
            """
    }

    /// A length for an attribute: at most one decimal, no exponent ("12.5", "0").
    static func number(_ value: Double) -> String {
        let tenths = (max(0, value) * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    /// A text line at (`x`, `y`): `anchor` start, middle or end.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", bold: Bool = false) -> HTML {
        let weight: HTML = bold ? " font-weight=\"600\"" : .empty
        return "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\"\(weight)>\(content)</text>"
    }

    /// A bar with `fill`; at least a hairline wide when its value is above zero, so that a small amount still shows.
    static func bar(x: Double, y: Double, width: Double, height: Double, fill: ChartFill, chartId: String, visible: Bool = true) -> HTML {
        guard visible else { return .empty }
        return "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(width, 1)))\" height=\"\(number(height))\" \(fill.attributes(chartId: chartId))/>"
    }

    /// The legend: each fill's swatch with its name, on one line at `y`.
    static func legend(_ entries: [(name: String, fill: ChartFill)], y: Double, chartId: String) -> HTML {
        var x = 0.0
        var pieces: [HTML] = []
        for entry in entries {
            pieces.append(bar(x: x, y: y - 12, width: 14, height: 14, fill: entry.fill, chartId: chartId))
            pieces.append(text(entry.name, x: x + 20, y: y))
            x += 20 + Double(entry.name.count) * 7.5 + 24
        }
        return HTML.join(pieces)
    }
}
