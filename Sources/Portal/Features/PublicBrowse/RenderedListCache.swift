import Foundation
import Musrenbang

/// The list's content as drawn by `PublicBrowseView.render`, kept per everything it is drawn from. The view is a pure
/// function of those values, so a kept drawing is right exactly while they are equal: the engine's reads behind them are
/// already kept and checked against the data (`GenerationCache`), and drawing the filter form and 20 entries again was
/// half of a list request's CPU (perf during `bench/public-browse.sh`). Only the content: the layout around it differs
/// per visitor. At `capacity` drawings it starts over.
final class RenderedListCache: @unchecked Sendable {
    struct Key: Hashable {
        let cycle: Cycle
        let filter: PublicBrowseFilter
        let choices: PublicBrowseChoices
        let result: ProposalPage
        let isPublic: Bool
    }

    /// Shared by every portal of the process: equal values draw equal markup, whatever database they came from.
    static let shared = RenderedListCache()

    let capacity: Int
    private let lock = NSLock()
    private var kept: [Key: HTML] = [:]

    init(capacity: Int = 256) { self.capacity = capacity }

    /// The drawing kept for `key`, else `draw()`'s, kept.
    func html(for key: Key, draw: () -> HTML) -> HTML {
        if let found = lock.withLock({ kept[key] }) { return found }
        let html = draw()
        lock.withLock {
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = html
        }
        return html
    }
}
