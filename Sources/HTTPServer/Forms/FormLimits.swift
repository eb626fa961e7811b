/// Caps applied while reading a form body, so a client cannot make the server hold or write more than this.
public struct FormLimits: Sendable, Equatable {
    /// Most fields (urlencoded pairs, or multipart parts, files included).
    public var maxFields: Int
    /// Largest value of one text field, in bytes.
    public var maxFieldBytes: Int
    /// Largest header block of one multipart part, in bytes.
    public var maxPartHeaderBytes: Int
    /// Largest single uploaded file, in bytes.
    public var maxFileBytes: Int
    /// Largest whole body, in bytes (preamble, headers, delimiters and files included).
    public var maxTotalBytes: Int

    public init(
        maxFields: Int = 256,
        maxFieldBytes: Int = 64 * 1024,
        maxPartHeaderBytes: Int = 8 * 1024,
        maxFileBytes: Int = 10 * 1024 * 1024,
        maxTotalBytes: Int = 11 * 1024 * 1024
    ) {
        self.maxFields = maxFields
        self.maxFieldBytes = maxFieldBytes
        self.maxPartHeaderBytes = maxPartHeaderBytes
        self.maxFileBytes = maxFileBytes
        self.maxTotalBytes = maxTotalBytes
    }
}
