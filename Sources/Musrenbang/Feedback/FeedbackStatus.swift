/// Where a piece of feedback stands. Raw values are the stored text; the moves between them: `FeedbackRules.next`.
public enum FeedbackStatus: String, CaseIterable, Hashable, Sendable {
    /// Sent, with the unit the routing table chose; waiting for its answer.
    case baru
    /// Passed by a unit to another one (with a note), waiting for that unit's answer.
    case diteruskan
    /// Answered in public by the responsible unit.
    case dijawab
    /// Closed: answered and done, or closed without an answer with a public reason.
    case ditutup

    /// "Baru", "Diteruskan", "Dijawab", "Ditutup".
    public var displayName: String {
        switch self {
        case .baru: "Baru"
        case .diteruskan: "Diteruskan"
        case .dijawab: "Dijawab"
        case .ditutup: "Ditutup"
        }
    }

    /// Still waiting for its unit's answer (the unit's queue).
    public var isWaiting: Bool { self == .baru || self == .diteruskan }
}

/// What happens to a piece of feedback: sent by the public, then forwarded, answered or closed by staff. Raw values are
/// the stored text of `feedback_events.action`.
public enum FeedbackAction: String, CaseIterable, Hashable, Sendable {
    case kirim
    case teruskan
    case jawab
    case tutup

    /// "kirim", "teruskan", ... as a verb for a refusal's message.
    public var displayName: String {
        switch self {
        case .kirim: "kirim"
        case .teruskan: "teruskan"
        case .jawab: "jawab"
        case .tutup: "tutup"
        }
    }
}
