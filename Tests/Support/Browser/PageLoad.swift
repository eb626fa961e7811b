/// What the browser's Resource Timing entries say about the page it last loaded.
public struct PageLoad: Sendable, Equatable {
    /// The HTTP status of the document (0 if the browser does not tell).
    public let status: Int
    /// Bytes transferred for the document, headers included (0 when it came from the cache).
    public let transferredBytes: Int
    /// Bytes transferred for everything the page loaded after the document (stylesheets, scripts, images), so
    /// far; 0 for what came from the cache.
    public let subresourceBytes: Int

    /// The document and its subresources together: the page's weight over the wire.
    public var totalBytes: Int { transferredBytes + subresourceBytes }
}
