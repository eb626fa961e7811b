import Foundation

/// What the statistics count of one piece of feedback (no text, no sender).
public struct FeedbackFact: Hashable, Sendable {
    public let kind: FeedbackKind
    public let category: FeedbackCategory
    public let unit: FeedbackUnit
    public let areaKecamatanId: KecamatanID?
    public let status: FeedbackStatus
    public let createdAt: Date
    public let answeredAt: Date?

    public init(kind: FeedbackKind, category: FeedbackCategory, unit: FeedbackUnit, areaKecamatanId: KecamatanID?, status: FeedbackStatus,
                createdAt: Date, answeredAt: Date?) {
        self.kind = kind; self.category = category; self.unit = unit; self.areaKecamatanId = areaKecamatanId; self.status = status
        self.createdAt = createdAt; self.answeredAt = answeredAt
    }
}

/// Feedback counted by category, by the unit that holds it, and by kecamatan (`/saran/statistik`): how many, how many
/// complaints, how many answered and their share, how many still wait, and the median days from sending to the answer.
/// Pure: built from facts, so a test gives it any.
public struct FeedbackStatistics: Hashable, Sendable {
    /// One line of a table.
    public struct Row: Hashable, Sendable {
        public let label: String
        public var total = 0
        public var complaints = 0
        public var answered = 0
        /// Still waiting for its unit (baru, diteruskan).
        public var waiting = 0
        /// Closed without an answer.
        public var closedUnanswered = 0
        /// Days from sending to the answer, median over the answered ones; nil when none is answered.
        public var medianDaysToAnswer: Double?

        public init(label: String) { self.label = label }

        /// Answered of all, 0...1; nil when there are none.
        public var answeredShare: Double? { total == 0 ? nil : Double(answered) / Double(total) }
    }

    /// The year counted (by the date sent, in WIB); nil for every year.
    public let year: Int?
    public let all: Row
    /// Every category, most feedback first (ties in the list's order).
    public let byCategory: [Row]
    /// Every unit holding any, most feedback first.
    public let byUnit: [Row]
    /// Every kecamatan and the whole city, most feedback first.
    public let byArea: [Row]

    public init(_ facts: [FeedbackFact], year: Int?, directory: FeedbackDirectory) {
        self.year = year
        all = Self.row("Semua", facts)
        byCategory = Self.sorted(FeedbackCategory.allCases.map { category in
            Self.row(category.displayName, facts.filter { $0.category == category })
        })
        var units: [FeedbackUnit] = []
        for fact in facts where !units.contains(fact.unit) { units.append(fact.unit) }
        byUnit = Self.sorted(units.map { unit in Self.row(directory.unitName(unit), facts.filter { $0.unit == unit }) })
        let areas = directory.kecamatan.map { kecamatan in
            Self.row("Kecamatan " + kecamatan.name, facts.filter { $0.areaKecamatanId == kecamatan.id })
        } + [Self.row("Seluruh kota", facts.filter { $0.areaKecamatanId == nil })]
        byArea = Self.sorted(areas)
    }

    /// The category with the most complaints (the seeds' "aduan terfavorit"); nil when there is none.
    public var mostComplainedCategory: Row? {
        byCategory.filter { $0.complaints > 0 }.max { ($0.complaints, -index(of: $0)) < ($1.complaints, -index(of: $1)) }
    }

    /// The categories that most need attention: the most feedback still waiting, then the lowest answered share
    /// (only those with something waiting).
    public var needingAttention: [Row] {
        byCategory.filter { $0.waiting > 0 }.sorted { a, b in
            a.waiting != b.waiting ? a.waiting > b.waiting : (a.answeredShare ?? 0) < (b.answeredShare ?? 0)
        }
    }

    private func index(of row: Row) -> Int { byCategory.firstIndex(of: row) ?? 0 }

    static func row(_ label: String, _ facts: [FeedbackFact]) -> Row {
        var row = Row(label: label)
        var days: [Double] = []
        for fact in facts {
            row.total += 1
            if fact.kind == .pengaduan { row.complaints += 1 }
            if fact.status.isWaiting { row.waiting += 1 }
            if let answered = fact.answeredAt {
                row.answered += 1
                days.append(max(0, answered.timeIntervalSince(fact.createdAt)) / 86_400)
            } else if fact.status == .ditutup {
                row.closedUnanswered += 1
            }
        }
        row.medianDaysToAnswer = median(days)
        return row
    }

    /// The middle value (the mean of the two middle ones for an even count); nil for none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Most feedback first; rows with none last; ties keep their order.
    private static func sorted(_ rows: [Row]) -> [Row] {
        rows.enumerated().sorted { a, b in a.element.total != b.element.total ? a.element.total > b.element.total : a.offset < b.offset }
            .map(\.element)
    }
}
