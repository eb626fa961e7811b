import Foundation

/// Markup drawn by a view that is a pure function of `Key`, kept per key: a kept drawing is right exactly while the
/// values it was drawn from are equal. The engine's reads behind those values are already kept and checked against the
/// data (`GenerationCache`), so what is left of a busy list page's CPU is drawing it: half of a public list request's
/// and most of a verifier's queue page (perf during `bench/public-browse.sh` and `bench/verification-queue.sh`). Only
/// content: the layout around it (who is signed in, the form tokens) differs per visitor and is never in a key.
/// At `capacity` drawings it starts over.
/// `@unchecked Sendable`: `kept` is only touched under `lock`.
final class DrawingCache<Key: Hashable>: @unchecked Sendable {
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
