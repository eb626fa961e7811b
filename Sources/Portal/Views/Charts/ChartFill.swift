/// How a chart fills a bar so that it reads printed in black and white as well as on a screen: solid ink, diagonal
/// hatching, or white with an outline. A chart's legend shows each fill beside its name; the numbers are written
/// beside every bar and in the table next to the chart, so no meaning rests on colour.
enum ChartFill: String, CaseIterable {
    case solid, hatch, outline

    static let ink = "#1b2430"
    static let solidColour = "#1f6b3a"
    static let hatchColour = "#0b4f9c"

    /// The `fill` and `stroke` attributes of a shape in the chart `chartId` (whose patterns `definitions` made).
    func attributes(chartId: String) -> HTML {
        switch self {
        case .solid: "fill=\"\(Self.solidColour)\" stroke=\"\(Self.ink)\" stroke-width=\"1\""
        case .hatch: "fill=\"url(#\(chartId)-arsir)\" stroke=\"\(Self.hatchColour)\" stroke-width=\"1.5\""
        case .outline: "fill=\"#ffffff\" stroke=\"\(Self.ink)\" stroke-width=\"1.5\""
        }
    }

    /// The patterns the fills of chart `chartId` refer to (ids unique on the page: prefixed with the chart's id).
    static func definitions(chartId: String) -> HTML {
        """
        <defs><pattern id="\(chartId)-arsir" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="\(hatchColour)" stroke-width="3"/></pattern></defs>
        """
    }
}
