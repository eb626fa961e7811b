import Foundation

/// A piece of feedback (saran or pengaduan) as its unit's staff see it. The sender's name and contact are personal
/// data: only the staff of the responsible unit and Bappeda read them (`MusrenbangService.feedbackForDesk`); the public
/// read model (`PublicFeedback`) and every list carry neither.
public struct FeedbackItem: Hashable, Sendable {
    public var id: FeedbackID
    public var code: FeedbackCode
    public var kind: FeedbackKind
    public var category: FeedbackCategory
    public var area: FeedbackArea
    /// The kecamatan of the area (a kelurahan's own kecamatan); nil for the whole city.
    public var areaKecamatanId: KecamatanID?
    /// What the sender wrote (public unless hidden when closed).
    public var text: String
    /// Personal data, optional: never public.
    public var senderName: String?
    /// Personal data, optional (a mobile number as `+628...` or an e-mail address): never public.
    public var senderContact: String?
    /// The sender's account when they were signed in (their "your feedback was answered" notification).
    public var accountId: AccountID?
    public var status: FeedbackStatus
    /// The unit that answers it now.
    public var unit: FeedbackUnit
    /// The public answer and when it was given.
    public var answer: String?
    public var answeredAt: Date?
    /// When and why it was closed (the note is public).
    public var closedAt: Date?
    public var closeNote: String?
    /// Closed with its text and photo hidden from the public (spam, abuse, someone's personal data in the text).
    public var hidden: Bool
    public var createdAt: Date
    public var updatedAt: Date
    /// Starts at 1; every transition adds 1 (a form carries the version it showed: 409 when stale).
    public var version: Int64
    /// The photo sent with it, without its bytes.
    public var photo: FeedbackPhoto?

    public init(id: FeedbackID, code: FeedbackCode, kind: FeedbackKind, category: FeedbackCategory, area: FeedbackArea,
                areaKecamatanId: KecamatanID?, text: String, senderName: String?, senderContact: String?, accountId: AccountID?,
                status: FeedbackStatus, unit: FeedbackUnit, answer: String? = nil, answeredAt: Date? = nil, closedAt: Date? = nil,
                closeNote: String? = nil, hidden: Bool = false, createdAt: Date, updatedAt: Date, version: Int64,
                photo: FeedbackPhoto? = nil) {
        self.id = id; self.code = code; self.kind = kind; self.category = category; self.area = area
        self.areaKecamatanId = areaKecamatanId; self.text = text; self.senderName = senderName; self.senderContact = senderContact
        self.accountId = accountId; self.status = status; self.unit = unit; self.answer = answer; self.answeredAt = answeredAt
        self.closedAt = closedAt; self.closeNote = closeNote; self.hidden = hidden; self.createdAt = createdAt
        self.updatedAt = updatedAt; self.version = version; self.photo = photo
    }
}

public typealias FeedbackID = Identifier<FeedbackItem>

/// The photo of a piece of feedback without its bytes: the original's type and size, the small version's size.
public struct FeedbackPhoto: Hashable, Sendable {
    /// "image/jpeg" or "image/png" (the original's); the small version is always JPEG.
    public var mediaType: String
    public var byteCount: Int64
    public var smallWidth: Int
    public var smallHeight: Int

    public init(mediaType: String, byteCount: Int64, smallWidth: Int, smallHeight: Int) {
        self.mediaType = mediaType; self.byteCount = byteCount; self.smallWidth = smallWidth; self.smallHeight = smallHeight
    }
}

/// One entry of a feedback's history (append-only): sent, forwarded, answered, closed; who acted (nil for the public's
/// sending), from and to which status and unit, and the note (forwarding: staff only; closing: public).
public struct FeedbackEvent: Hashable, Sendable {
    public var feedbackId: FeedbackID
    public var action: FeedbackAction
    public var actorAccountId: AccountID?
    public var actorRole: Role?
    public var fromStatus: FeedbackStatus?
    public var toStatus: FeedbackStatus
    public var fromUnit: FeedbackUnit?
    public var toUnit: FeedbackUnit
    public var note: String?
    public var at: Date

    public init(feedbackId: FeedbackID, action: FeedbackAction, actorAccountId: AccountID?, actorRole: Role?,
                fromStatus: FeedbackStatus?, toStatus: FeedbackStatus, fromUnit: FeedbackUnit?, toUnit: FeedbackUnit, note: String?,
                at: Date) {
        self.feedbackId = feedbackId; self.action = action; self.actorAccountId = actorAccountId; self.actorRole = actorRole
        self.fromStatus = fromStatus; self.toStatus = toStatus; self.fromUnit = fromUnit; self.toUnit = toUnit; self.note = note
        self.at = at
    }
}

/// A transition's result: the item as now stored and the event appended with it.
public struct FeedbackTransition: Hashable, Sendable {
    public let item: FeedbackItem
    public let event: FeedbackEvent
}

/// What staff do to a piece of feedback.
public enum FeedbackCommand: Hashable, Sendable {
    /// Pass it to another unit, with a note for that unit (staff only, logged).
    case forward(to: FeedbackUnit, note: String)
    /// Answer it in public.
    case answer(String)
    /// Close it with a public note (required when it has no answer); `hide` keeps its text and photo off public pages.
    case close(note: String, hide: Bool)

    public var action: FeedbackAction {
        switch self {
        case .forward: .teruskan
        case .answer: .jawab
        case .close: .tutup
        }
    }
}
