/// A reference to an element of the current page, as WebDriver hands it out (valid until the page changes).
public struct WebElement: Sendable, Equatable {
    /// The W3C key under which an element reference travels in JSON.
    public static let key = "element-6066-11e4-a52e-4f735466cecf"

    /// The driver's id for the element.
    public let id: String
    /// The CSS selector it was found by (for error messages).
    public let selector: String

    /// The reference as a script argument or in a request body.
    public var json: [String: Any] { [Self.key: id] }
}
