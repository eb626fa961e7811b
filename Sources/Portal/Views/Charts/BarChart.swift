/// Horizontal bars, one group per row: the row's name, its figures written out on the next line, then its bars. Two ways to draw a
/// row's values: `overlaid` (the first value as the frame, the second inside it, e.g. a ceiling and what it funds) or
/// `grouped` (one thinner bar per series, e.g. proposed and funded). All bars share one scale: the largest value, or
/// `scale` when given.
struct BarChart {
    enum Layout { case overlaid, grouped }

    struct Series {
        let name: String
        let fill: ChartFill
    }

    struct Row {
        let label: String
        /// One value per series; nil where the value is not public (nothing drawn for it).
        let values: [Int64?]
        /// The figures written after the label ("Rp 1,2 miliar dari Rp 2 miliar (60,0%)").
        let note: String
    }

    let id: String
    let title: String
    let description: String
    let series: [Series]
    let rows: [Row]
    let layout: Layout
    var scale: Int64? = nil

    private static let textLine = 17.0, barHeight = 18.0, groupedBarHeight = 12.0, rowGap = 14.0, legendHeight = 30.0

    var svg: HTML {
        let largest = scale ?? rows.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let barBlock = layout == .overlaid ? Self.barHeight : Double(series.count) * (Self.groupedBarHeight + 2)
        let rowHeight = 2 * Self.textLine + 4 + barBlock + Self.rowGap
        var y = Self.legendHeight
        var shapes: [HTML] = [SVGChart.legend(series.map { ($0.name, $0.fill) }, y: 16, chartId: id)]
        for row in rows {
            shapes.append(SVGChart.text(row.label, x: 0, y: y + 14, bold: true))
            shapes.append(SVGChart.text(row.note, x: 0, y: y + Self.textLine + 14))
            var barY = y + 2 * Self.textLine + 4
            for (index, series) in series.enumerated() {
                let value = index < row.values.count ? row.values[index] : nil
                let width = largest > 0 ? Double(value ?? 0) / Double(largest) * SVGChart.width : 0
                switch layout {
                case .overlaid:
                    shapes.append(SVGChart.bar(x: 0, y: barY, width: width, height: Self.barHeight, fill: series.fill, chartId: id,
                                               visible: value.map { $0 > 0 } ?? false))
                case .grouped:
                    shapes.append(SVGChart.bar(x: 0, y: barY, width: width, height: Self.groupedBarHeight, fill: series.fill, chartId: id,
                                               visible: value.map { $0 > 0 } ?? false))
                    barY += Self.groupedBarHeight + 2
                }
            }
            y += rowHeight
        }
        return SVGChart.frame(id: id, title: title, description: description, height: max(y, Self.legendHeight + 10), HTML.join(shapes))
    }
}
