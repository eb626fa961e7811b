import Foundation

/// A proposal (usulan) for one activity, with everything a city records about it. Changes go through
/// `Workflow.apply`, which returns the new value and the event to append; `version` guards concurrent edits.
public struct Proposal: Hashable, Sendable {
    public var id: ProposalID
    public var trackingCode: TrackingCode
    public var cycleId: CycleID
    public var origin: Origin

    /// The resident account that proposed it; nil when an operator entered a paper form for a resident
    /// without an account (then `proposerName` names them).
    public var proposerAccountId: AccountID?
    public var proposerName: String
    /// The account that typed it in (the resident or the operator on their behalf).
    public var enteredBy: AccountID

    public var title: String
    public var problem: String
    public var kamusId: KamusID
    public var bidangId: BidangID
    /// The OPD of the kamus item (the natural OPD to route to).
    public var opdId: OPDID
    public var isFisik: Bool
    /// Satuan of the kamus item at creation.
    public var unit: String
    /// SSH unit price at creation, in rupiah.
    public var unitPrice: Int64
    /// Original volume (whole units of `unit`) and cost (= volume x unitPrice) as proposed.
    public var volume: Int64
    public var cost: Int64

    public var locationText: String
    public var latitude: Double?
    public var longitude: Double?
    public var beneficiaries: Int64
    /// Expected output (keluaran: what is built or delivered) and outcome (hasil: what changes for residents).
    public var expectedOutput = ""
    public var expectedOutcome = ""
    public var attachments: [Attachment]

    public var stage: Stage
    public var status: ProposalStatus
    /// Each level's recommendation (volume, cost, note), kept beside the original values.
    public var recommendations: [Level: Recommendation]
    /// Weighted score per level, in thousandths (see `Ranking`).
    public var scores: [Level: Int64]
    /// Rank per level (1 = first).
    public var ranks: [Level: Int]
    /// The OPD the kecamatan routed it to (scope of the OPD verifier).
    public var routedOPDId: OPDID?
    /// The envelope that funds it (set when funded, F1).
    public var envelope: FundingEnvelope?
    /// Last cycle's proposal this one was carried over from.
    public var carriedFrom: ProposalID?

    public var createdAt: Date
    public var submittedAt: Date?
    public var updatedAt: Date
    /// Optimistic concurrency: incremented by every transition.
    public var version: Int64

    public init(id: ProposalID, trackingCode: TrackingCode, cycleId: CycleID, origin: Origin,
                proposerAccountId: AccountID?, proposerName: String, enteredBy: AccountID,
                title: String, problem: String, kamus: KamusItem, volume: Int64, cost: Int64,
                locationText: String, latitude: Double? = nil, longitude: Double? = nil, beneficiaries: Int64,
                attachments: [Attachment] = [], stage: Stage = .praMusrenbang, status: ProposalStatus = .draft,
                recommendations: [Level: Recommendation] = [:], scores: [Level: Int64] = [:], ranks: [Level: Int] = [:],
                routedOPDId: OPDID? = nil, envelope: FundingEnvelope? = nil, carriedFrom: ProposalID? = nil,
                createdAt: Date, submittedAt: Date? = nil, updatedAt: Date? = nil, version: Int64 = 1) {
        self.id = id; self.trackingCode = trackingCode; self.cycleId = cycleId; self.origin = origin
        self.proposerAccountId = proposerAccountId; self.proposerName = proposerName; self.enteredBy = enteredBy
        self.title = title; self.problem = problem; self.kamusId = kamus.id; self.bidangId = kamus.bidangId
        self.opdId = kamus.opdId; self.isFisik = kamus.isFisik; self.unit = kamus.unit
        self.unitPrice = kamus.unitPrice; self.volume = volume; self.cost = cost
        self.locationText = locationText; self.latitude = latitude; self.longitude = longitude
        self.beneficiaries = beneficiaries; self.attachments = attachments; self.stage = stage
        self.status = status; self.recommendations = recommendations; self.scores = scores; self.ranks = ranks
        self.routedOPDId = routedOPDId; self.envelope = envelope; self.carriedFrom = carriedFrom
        self.createdAt = createdAt; self.submittedAt = submittedAt; self.updatedAt = updatedAt ?? createdAt
        self.version = version
    }

    /// Rebuilds a stored proposal from its columns (the kamus attributes as recorded at creation).
    public init(id: ProposalID, trackingCode: TrackingCode, cycleId: CycleID, origin: Origin,
                proposerAccountId: AccountID?, proposerName: String, enteredBy: AccountID,
                title: String, problem: String, kamusId: KamusID, bidangId: BidangID, opdId: OPDID, isFisik: Bool,
                unit: String, unitPrice: Int64, volume: Int64, cost: Int64,
                locationText: String, latitude: Double?, longitude: Double?, beneficiaries: Int64,
                attachments: [Attachment], stage: Stage, status: ProposalStatus,
                recommendations: [Level: Recommendation], scores: [Level: Int64], ranks: [Level: Int],
                routedOPDId: OPDID?, envelope: FundingEnvelope?, carriedFrom: ProposalID?,
                createdAt: Date, submittedAt: Date?, updatedAt: Date, version: Int64) {
        let kamus = KamusItem(id: kamusId, code: "", name: "", bidangId: bidangId, opdId: opdId, unit: unit,
                              unitPrice: unitPrice, isFisik: isFisik)
        self.init(id: id, trackingCode: trackingCode, cycleId: cycleId, origin: origin, proposerAccountId: proposerAccountId,
                  proposerName: proposerName, enteredBy: enteredBy, title: title, problem: problem, kamus: kamus,
                  volume: volume, cost: cost, locationText: locationText, latitude: latitude, longitude: longitude,
                  beneficiaries: beneficiaries, attachments: attachments, stage: stage, status: status,
                  recommendations: recommendations, scores: scores, ranks: ranks, routedOPDId: routedOPDId,
                  envelope: envelope, carriedFrom: carriedFrom, createdAt: createdAt, submittedAt: submittedAt,
                  updatedAt: updatedAt, version: version)
    }

    /// A resident's own online proposal (typed in by the proposer's account), as opposed to a paper form an
    /// operator entered: only the resident edits or submits it, and it goes through the RT and RW.
    public var isEnteredByProposer: Bool { proposerAccountId != nil && proposerAccountId == enteredBy }

    /// Stage and status together.
    public var state: ProposalState {
        get { ProposalState(stage, status) }
        set { stage = newValue.stage; status = newValue.status }
    }

    /// The latest recommendation (Bappeda over OPD over camat over lurah), if any.
    public var latestRecommendation: Recommendation? {
        Level.allCases.reversed().lazy.compactMap { self.recommendations[$0] }.first
    }

    /// The volume in force: the latest recommendation's, else the original.
    public var effectiveVolume: Int64 { latestRecommendation?.volume ?? volume }

    /// The cost in force (what allocation charges to an envelope): the latest recommendation's, else the original.
    public var effectiveCost: Int64 { latestRecommendation?.cost ?? cost }
}

public typealias ProposalID = Identifier<Proposal>
