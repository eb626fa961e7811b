/// A staff or public list of proposals: filters (each narrows; nil or empty means any), a sort and a page.
/// Read with `MusrenbangService.proposals(_:viewer:)`, which adds the viewer's visibility.
public struct ProposalQuery: Hashable, Sendable {
    public var cycleId: CycleID
    public var kecamatanId: KecamatanID?
    public var kelurahanId: KelurahanID?
    public var rwId: RWID?
    public var bidangId: BidangID?
    /// The OPD of the kamus item.
    public var opdId: OPDID?
    /// The OPD the kecamatan routed it to.
    public var routedOPDId: OPDID?
    /// Only these states (empty: any). The counts per state ignore this filter.
    public var states: [ProposalState]
    public var isFisik: Bool?
    /// Cost in force (latest recommendation, else the proposed cost), inclusive bounds.
    public var minCost: Int64?
    public var maxCost: Int64?
    /// Free text over title, problem and location (see `FTSQuery`); blank means no text filter.
    public var text: String?
    /// Only the viewer's own proposals (proposed by or entered by its account); nothing for the public.
    public var ownOnly: Bool
    public var sort: ProposalSort
    /// 1-based; clamped to at least 1.
    public var page: Int
    /// Rows per page, clamped to 1...`maxPageSize`.
    public var pageSize: Int

    public static let maxPageSize = 100

    public init(cycleId: CycleID, kecamatanId: KecamatanID? = nil, kelurahanId: KelurahanID? = nil, rwId: RWID? = nil,
                bidangId: BidangID? = nil, opdId: OPDID? = nil, routedOPDId: OPDID? = nil, states: [ProposalState] = [],
                isFisik: Bool? = nil, minCost: Int64? = nil, maxCost: Int64? = nil, text: String? = nil,
                ownOnly: Bool = false, sort: ProposalSort = .newest, page: Int = 1, pageSize: Int = 20) {
        self.cycleId = cycleId; self.kecamatanId = kecamatanId; self.kelurahanId = kelurahanId; self.rwId = rwId
        self.bidangId = bidangId; self.opdId = opdId; self.routedOPDId = routedOPDId; self.states = states
        self.isFisik = isFisik; self.minCost = minCost; self.maxCost = maxCost; self.text = text; self.ownOnly = ownOnly
        self.sort = sort; self.page = page; self.pageSize = pageSize
    }

    /// The page size actually used.
    public var boundedPageSize: Int { min(max(pageSize, 1), Self.maxPageSize) }
    /// The page actually used.
    public var boundedPage: Int { max(page, 1) }
}

/// The order of a proposal list; ties are broken by id so that pages never overlap.
public enum ProposalSort: Hashable, Sendable {
    case newest, oldest
    /// By the cost in force.
    case costAscending, costDescending
    /// By rank at a level (unranked last).
    case rank(Level)
    case trackingCode
}

/// One row of a proposal list: what a list shows, public-safe for every viewer (no account, no proposer name).
public struct ProposalSummary: Hashable, Sendable {
    public var id: ProposalID
    public var trackingCode: TrackingCode
    public var title: String
    public var state: ProposalState
    public var kecamatanName: String
    public var kelurahanName: String
    public var rwNumber: Int?
    public var rtNumber: Int?
    public var bidangName: String
    public var kamusName: String
    public var isFisik: Bool
    /// As proposed, and in force (latest recommendation).
    public var cost: Int64
    public var effectiveCost: Int64
    public var routedOPDName: String?
    /// Rank at the level the list is sorted by (nil when not sorted by rank or unranked).
    public var rank: Int?
    /// Optimistic-concurrency version, for an action form on the row.
    public var version: Int64
}

/// A page of a proposal list with the total and the counts per state of the same filter without its states.
public struct ProposalPage: Hashable, Sendable {
    public var rows: [ProposalSummary]
    /// Rows matching the whole query (all pages).
    public var total: Int
    public var page: Int
    public var pageSize: Int
    /// Counts per state for the query without its state filter (the tabs of a work list).
    public var countsByState: [ProposalState: Int]

    /// Number of pages (at least 1).
    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}
