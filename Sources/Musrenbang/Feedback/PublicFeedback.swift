import Foundation

/// The public part of a piece of feedback (`/saran/{kode}`): what it is about, where, its status and unit, the answer
/// and the public steps of its history. It holds no name, contact or account of the sender, and no staff member's name
/// or forwarding note, so none can reach a public page. Closed as hidden: no text and no photo.
public struct PublicFeedback: Sendable {
    public let code: FeedbackCode
    public let kind: FeedbackKind
    public let category: FeedbackCategory
    public let areaName: String
    /// Nil when hidden.
    public let text: String?
    public let status: FeedbackStatus
    public let unitName: String
    public let answer: String?
    public let answeredAt: Date?
    public let closedAt: Date?
    public let closeNote: String?
    public let hidden: Bool
    public let createdAt: Date
    /// The small version's size, when a photo was sent and is not hidden.
    public let photo: (width: Int, height: Int)?
    public let steps: [Step]

    /// One public step: when, what, and the units (never who, never the forwarding note).
    public struct Step: Hashable, Sendable {
        public let at: Date
        public let action: FeedbackAction
        public let fromUnitName: String?
        public let unitName: String
    }

    /// The public model of `item` with its `events`.
    public init(_ item: FeedbackItem, events: [FeedbackEvent], directory: FeedbackDirectory) {
        code = item.code; kind = item.kind; category = item.category
        areaName = directory.areaName(item.area)
        text = item.hidden ? nil : item.text
        status = item.status
        unitName = directory.unitName(item.unit)
        answer = item.answer; answeredAt = item.answeredAt
        closedAt = item.closedAt; closeNote = item.closeNote; hidden = item.hidden
        createdAt = item.createdAt
        photo = item.hidden ? nil : item.photo.map { ($0.smallWidth, $0.smallHeight) }
        steps = events.map { event in
            Step(at: event.at, action: event.action, fromUnitName: event.fromUnit.map(directory.unitName),
                 unitName: directory.unitName(event.toUnit))
        }
    }
}

/// A row of a feedback list: no sender's name, contact or account. The public list shows it only when answered and
/// not hidden (`text` is then the sender's text); the staff queue shows every one of its unit.
public struct FeedbackSummary: Hashable, Sendable {
    public let id: FeedbackID
    public let code: FeedbackCode
    public let kind: FeedbackKind
    public let category: FeedbackCategory
    public let area: FeedbackArea
    public let status: FeedbackStatus
    public let unit: FeedbackUnit
    /// Empty when hidden.
    public let text: String
    public let answer: String?
    public let createdAt: Date
    public let answeredAt: Date?
    public let hidden: Bool
}

/// A page of a feedback list with the total and the counts per status over the same filter (without its statuses).
public struct FeedbackPage: Hashable, Sendable {
    public let items: [FeedbackSummary]
    public let total: Int
    public let counts: [FeedbackStatus: Int]
    public let page: Int
    public let pageSize: Int

    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}

/// What a feedback list asks for: the unit (nil: every unit, for Bappeda), the statuses, a category, the order (oldest
/// first for a work list of what waits, else newest first), the page.
public struct FeedbackQuery: Hashable, Sendable {
    public var unit: FeedbackUnit?
    public var statuses: Set<FeedbackStatus>
    public var category: FeedbackCategory?
    public var oldestFirst: Bool
    public var page: Int
    public var pageSize: Int

    public init(unit: FeedbackUnit? = nil, statuses: Set<FeedbackStatus> = Set(FeedbackStatus.allCases), category: FeedbackCategory? = nil,
                oldestFirst: Bool = false, page: Int = 1, pageSize: Int = 25) {
        self.unit = unit; self.statuses = statuses; self.category = category; self.oldestFirst = oldestFirst
        self.page = max(1, page); self.pageSize = min(100, max(1, pageSize))
    }
}
