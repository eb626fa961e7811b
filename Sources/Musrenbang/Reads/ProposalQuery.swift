/// A staff or public list of proposals: filters (each narrows; nil or empty means any), a sort and a page.
/// Read with `MusrenbangService.proposals(_:viewer:)`, which adds the viewer's visibility.
public struct ProposalQuery: Hashable, Sendable {
    public var cycleId: CycleID
    public var kecamatanId: KecamatanID?
    public var kelurahanId: KelurahanID?
    public var rwId: RWID?
    /// The origin RT (a Ketua RT's work list).
    public var rtId: RTID?
    public var bidangId: BidangID?
    /// The OPD of the kamus item.
    public var opdId: OPDID?
    /// The OPD the kecamatan routed it to.
    public var routedOPDId: OPDID?
    /// Only these states (empty: any). The counts per state ignore this filter.
    public var states: [ProposalState]
    public var isFisik: Bool?
    /// Only funded proposals (`ProposalStatus.funded`: in an envelope, or ratified), or only the others.
    public var funded: Bool?
    /// Cost in force (latest recommendation, else the proposed cost), inclusive bounds.
    public var minCost: Int64?
    public var maxCost: Int64?
    /// Free text over title, problem and location (see `FTSQuery`); blank means no text filter.
    public var text: String?
    /// Only the viewer's own proposals (proposed by or entered by its account); nothing for the public.
    public var ownOnly: Bool
    public var sort: ProposalSort
    /// 1-based; clamped to 1...`maxPage`.
    public var page: Int
    /// Rows per page, clamped to 1...`maxPageSize`.
    public var pageSize: Int

    public static let maxPageSize = 100

    public init(cycleId: CycleID, kecamatanId: KecamatanID? = nil, kelurahanId: KelurahanID? = nil, rwId: RWID? = nil,
                rtId: RTID? = nil, bidangId: BidangID? = nil, opdId: OPDID? = nil, routedOPDId: OPDID? = nil,
                states: [ProposalState] = [], isFisik: Bool? = nil, funded: Bool? = nil, minCost: Int64? = nil, maxCost: Int64? = nil, text: String? = nil,
                ownOnly: Bool = false, sort: ProposalSort = .newest, page: Int = 1, pageSize: Int = 20) {
        self.cycleId = cycleId; self.kecamatanId = kecamatanId; self.kelurahanId = kelurahanId; self.rwId = rwId
        self.rtId = rtId; self.bidangId = bidangId; self.opdId = opdId; self.routedOPDId = routedOPDId; self.states = states
        self.isFisik = isFisik; self.funded = funded; self.minCost = minCost; self.maxCost = maxCost; self.text = text; self.ownOnly = ownOnly
        self.sort = sort; self.page = page; self.pageSize = pageSize
    }

    /// The page size actually used.
    public var boundedPageSize: Int { min(max(pageSize, 1), Self.maxPageSize) }
    /// The highest page a query asks for: far beyond any list, and low enough that `(page - 1) * pageSize` cannot
    /// overflow (a hand-edited `?halaman=9223372036854775807` would otherwise trap the server).
    public static let maxPage = 1_000_000

    /// The page actually used.
    public var boundedPage: Int { min(max(page, 1), Self.maxPage) }
}

