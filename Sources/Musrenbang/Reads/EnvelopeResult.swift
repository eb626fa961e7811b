import Foundation

/// What a funding envelope's meeting decided, as the public may replay it (the Pabulib export, `/data/pabulib/...`): the
/// envelope's ceiling, the proposals of the run its berita acara applied with their cost, bidang, weighted score, rank
/// and whether they were funded, and the meeting's score sheets, one per criterion. Only for a signed berita acara whose
/// level's results are public; holds no account and no personal data.
public struct EnvelopeResult: Hashable, Sendable {
    public struct Project: Hashable, Sendable {
        public var trackingCode: String
        public var title: String
        public var bidang: String
        /// The cost the allocation counted (the cost in force at the run).
        public var cost: Int64
        /// The weighted score in thousandths (1000 = 1.000 ... 5000 = 5.000), when scored.
        public var scoreMillis: Int64?
        /// The rank the run used (nil: unranked, after every ranked one).
        public var rank: Int?
        public var funded: Bool
    }

    /// One criterion's score sheet: every scored project's score (1-5) on it, in the projects' order.
    public struct ScoreSheet: Hashable, Sendable {
        public struct Score: Hashable, Sendable {
            public var trackingCode: String
            public var score: Int
        }
        public var code: String
        public var name: String
        public var weight: Int
        public var scores: [Score]
    }

    public var cycle: Cycle
    public var kotaName: String
    public var envelope: FundingEnvelope
    /// "Kelurahan Pondok Karya", "Kecamatan Ciputat Timur", "Perangkat Daerah DPUPR".
    public var unitName: String
    /// The ceiling the run shared.
    public var budget: Int64
    public var fundedTotal: Int64
    public var documentNumber: String
    public var lockedAt: Date
    /// The meeting's day as recorded with the berita acara.
    public var meetingDate: MeetingDate?
    public var projects: [Project]
    public var sheets: [ScoreSheet]
}

/// An envelope with a public result, for the list of Pabulib files.
public struct EnvelopeResultEntry: Hashable, Sendable {
    public var planYear: Int
    public var envelope: FundingEnvelope
    public var unitName: String
    public var budget: Int64
    public var fundedTotal: Int64
}
