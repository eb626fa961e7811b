/// Hard limits the parser enforces while reading a request head and chunked framing.
public struct ParserLimits: Sendable {
    /// Longest request line (without CRLF); longer is 414.
    public var maxRequestLineBytes = 8 * 1024
    /// Largest header block (field lines with their CRLFs); larger is 431.
    public var maxHeaderBytes = 16 * 1024
    /// Most header fields; more is 431.
    public var maxHeaderCount = 100
    /// Longest chunk-size line including extensions; longer is 400.
    public var maxChunkLineBytes = 4 * 1024

    /// The defaults above.
    public init() {}
}
