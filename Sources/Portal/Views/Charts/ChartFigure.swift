/// A chart with the table of its numbers right after it, in one block: the drawing is for the eye, the table for screen
/// readers, copying and checking. Stacked (the page is at most 60rem wide: side by side, both would be too narrow to read).
enum ChartFigure {
    static func render(_ svg: HTML, caption: String, table: HTML, tableLabel: String) -> HTML {
        """
        <div class="chart-pair">
        <figure class="chart">\(svg)<figcaption>\(caption)</figcaption></figure>
        <div class="table-scroll" tabindex="0" role="region" aria-label="\(tableLabel)">\(table)</div>
        </div>
        """
    }
}

/// Shares in Indonesian writing: "12,3%" (one decimal, comma), "–" of nothing.
enum Percent {
    static func text(_ part: Int64, of whole: Int64) -> String {
        guard whole > 0 else { return "–" }
        let tenths = (Double(part) * 1000 / Double(whole)).rounded()
        let whole = Int(tenths) / 10, fraction = Int(tenths) % 10
        return fraction == 0 ? "\(whole)%" : "\(whole),\(fraction)%"
    }

    static func text(_ part: Int, of whole: Int) -> String { text(Int64(part), of: Int64(whole)) }
}
