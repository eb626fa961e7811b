/// What the current page weighs: its HTML and the stylesheets and scripts it links, as bytes of their bodies over
/// the wire, whether or not they came from the browser's cache this time (the budget is about a first visit).
/// Images are counted apart: the budget is "before images".
public struct PageWeight: Sendable, Equatable, CustomStringConvertible {
    /// The document's body.
    public let htmlBytes: Int
    /// Every stylesheet and script the document links.
    public let styleAndScriptBytes: Int
    /// Images loaded so far (photos).
    public let imageBytes: Int
    /// What this load actually transferred, headers included (the document and everything else; 0 for what came
    /// from the cache).
    public let transferredBytes: Int

    public init(htmlBytes: Int, styleAndScriptBytes: Int, imageBytes: Int, transferredBytes: Int) {
        self.htmlBytes = htmlBytes
        self.styleAndScriptBytes = styleAndScriptBytes
        self.imageBytes = imageBytes
        self.transferredBytes = transferredBytes
    }

    /// HTML + CSS + JS: what the 100 KB budget of a page counts.
    public var budgetedBytes: Int { htmlBytes + styleAndScriptBytes }

    public var description: String {
        "\(budgetedBytes) B (HTML \(htmlBytes), CSS+JS \(styleAndScriptBytes); images \(imageBytes); transferred \(transferredBytes))"
    }
}
