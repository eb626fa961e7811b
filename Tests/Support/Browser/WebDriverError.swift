/// A failure talking to `chromedriver` or Chromium, with a message meant to be read in a failed test's output.
public struct WebDriverError: Error, CustomStringConvertible {
    public let description: String
    /// The W3C error code when the driver answered with one (`no such element`, `session not created`, ...).
    public let code: String?

    /// An error that says `description`, with the driver's error `code` if it gave one.
    public init(_ description: String, code: String? = nil) {
        self.description = description
        self.code = code
    }
}
