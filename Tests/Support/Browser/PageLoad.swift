/// What the browser's Navigation Timing entry says about the page it last loaded.
public struct PageLoad: Sendable, Equatable {
    /// The HTTP status of the document (0 if the browser does not tell).
    public let status: Int
    /// Bytes transferred for the document, headers included (0 when it came from the cache).
    public let transferredBytes: Int
}
