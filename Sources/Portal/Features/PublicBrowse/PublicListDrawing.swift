import Musrenbang

/// Everything the public list's content (`PublicBrowseView.render`) is drawn from: its key in a `DrawingCache`.
struct PublicListDrawing: Hashable {
    let cycle: Cycle
    let filter: PublicBrowseFilter
    let choices: PublicBrowseChoices
    let result: ProposalPage
    let isPublic: Bool

    /// Shared by every portal of the process: equal values draw equal markup, whatever database they came from.
    static let kept = DrawingCache<PublicListDrawing>()
}
