/// A funnel: one centred bar per step, as wide as its count against the first step's, each with its name and, on the
/// next line, its figures written above it; the steps are drawn alternately solid and hatched so that neighbours differ in print.
struct FunnelChart {
    struct Step {
        let label: String
        let count: Int
        /// The figures written after the label ("1.234 usulan (100%), Rp 12,3 miliar").
        let note: String
    }

    let id: String
    let title: String
    let description: String
    let steps: [Step]

    private static let textLine = 17.0, barHeight = 24.0, rowGap = 14.0

    var svg: HTML {
        let first = steps.first.map { max($0.count, 1) } ?? 1
        var y = 0.0
        var shapes: [HTML] = []
        for (index, step) in steps.enumerated() {
            shapes.append(SVGChart.text("\(index + 1). \(step.label)", x: SVGChart.width / 2, y: y + 14, anchor: "middle", bold: true))
            shapes.append(SVGChart.text(step.note, x: SVGChart.width / 2, y: y + Self.textLine + 14, anchor: "middle"))
            let width = Double(step.count) / Double(first) * SVGChart.width
            shapes.append(SVGChart.bar(x: (SVGChart.width - max(width, 1)) / 2, y: y + 2 * Self.textLine + 4, width: width, height: Self.barHeight,
                                       fill: index.isMultiple(of: 2) ? .solid : .hatch, chartId: id, visible: step.count > 0))
            y += 2 * Self.textLine + 4 + Self.barHeight + Self.rowGap
        }
        return SVGChart.frame(id: id, title: title, description: description, height: max(y, 10), HTML.join(shapes))
    }
}
