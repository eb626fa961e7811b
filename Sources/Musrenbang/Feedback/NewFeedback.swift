/// What the public sends through the form, before it is checked: a nil choice is one not made. The area's ids are
/// checked against the wilayah, the routing and the code are the engine's (`MusrenbangService.submitFeedback`).
public struct NewFeedback: Hashable, Sendable {
    public var kind: FeedbackKind?
    public var category: FeedbackCategory?
    public var area: FeedbackArea?
    public var text: String
    /// Optional; personal data.
    public var senderName: String
    /// Optional mobile number or e-mail address; personal data.
    public var senderContact: String
    /// The signed-in sender's account (nil for a visitor).
    public var accountId: AccountID?

    public init(kind: FeedbackKind?, category: FeedbackCategory?, area: FeedbackArea?, text: String, senderName: String = "",
                senderContact: String = "", accountId: AccountID? = nil) {
        self.kind = kind; self.category = category; self.area = area; self.text = text; self.senderName = senderName
        self.senderContact = senderContact; self.accountId = accountId
    }
}
