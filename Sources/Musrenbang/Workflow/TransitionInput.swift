/// What an actor submits with an action. Only the fields the action needs are read.
public struct TransitionInput: Sendable {
    public var action: Action
    /// The version the actor saw; a different current version is a conflict (`staleVersion`).
    public var expectedVersion: Int64
    /// Reason or note (required for the actions with `requiresReason`).
    public var reason: String?
    /// New volume and cost (terima dengan perubahan; optional for koreksi).
    public var change: ValueChange?
    /// New values of the editable fields (ubah).
    public var edit: ProposalEdit?
    /// OPD to route to (rutekan OPD); defaults to the kamus item's OPD.
    public var routeTo: OPDID?
    /// Target state of a Bappeda correction (koreksi).
    public var target: ProposalState?
    /// New rank (ubah peringkat), 1 = first.
    public var rank: Int?
    /// A returned paper form's corrected proposer name and RT (ubah by its kelurahan's operator).
    public var proposer: ProposerCorrection?

    public init(_ action: Action, expectedVersion: Int64, reason: String? = nil, change: ValueChange? = nil,
                edit: ProposalEdit? = nil, routeTo: OPDID? = nil, target: ProposalState? = nil, rank: Int? = nil,
                proposer: ProposerCorrection? = nil) {
        self.action = action; self.expectedVersion = expectedVersion; self.reason = reason; self.change = change
        self.edit = edit; self.routeTo = routeTo; self.target = target; self.rank = rank; self.proposer = proposer
    }
}

/// A verifier's recommended volume and cost.
public struct ValueChange: Hashable, Sendable {
    public var volume: Int64
    public var cost: Int64
    public init(volume: Int64, cost: Int64) { self.volume = volume; self.cost = cost }
}

/// The full set of fields a proposer may edit; cost is recomputed as volume x SSH unit price.
public struct ProposalEdit: Sendable {
    public var title: String
    public var problem: String
    /// The kamus item, by id only: its price, satuan, bidang, OPD and fisik are read from the catalogue inside
    /// the transaction (the same item keeps the price recorded at creation; another one brings its price).
    public var kamusId: KamusID
    public var volume: Int64
    public var locationText: String
    public var latitude: Double?
    public var longitude: Double?
    public var beneficiaries: Int64
    /// Expected output (keluaran) and outcome (hasil); optional.
    public var expectedOutput = ""
    public var expectedOutcome = ""

    /// Every field error of this content (the rules `Workflow` applies at creation and on every edit), for a form
    /// that checks its answers before anything is stored.
    public var fieldErrors: [FieldError] { Workflow.validate(self) }

    public init(title: String, problem: String, kamusId: KamusID, volume: Int64, locationText: String,
                latitude: Double? = nil, longitude: Double? = nil, beneficiaries: Int64) {
        self.title = title; self.problem = problem; self.kamusId = kamusId; self.volume = volume
        self.locationText = locationText; self.latitude = latitude; self.longitude = longitude
        self.beneficiaries = beneficiaries
    }
}

/// A new proposal as entered by a resident or an operator: who and where it comes from, and the same content a
/// proposer may later edit. The store derives the origin's kecamatan (and RW) from the stored wilayah and refuses
/// a mismatch; the kamus attributes come from the catalogue.
public struct NewProposal: Sendable {
    public var origin: Origin
    /// The resident's account; for a warga it is forced to the actor. Nil for a paper form without account.
    public var proposerAccountId: AccountID?
    public var proposerName: String
    /// Title, problem, kamus item, volume, location and beneficiaries.
    public var content: ProposalEdit
    public var carriedFrom: ProposalID?
    /// How an operator's entry came in (the `buat` event's note); nil for a resident's own proposal, which has no other.
    public var channel: EntryChannel?

    public init(origin: Origin, proposerAccountId: AccountID?, proposerName: String, title: String, problem: String,
                kamusId: KamusID, volume: Int64, locationText: String, latitude: Double? = nil, longitude: Double? = nil,
                beneficiaries: Int64, carriedFrom: ProposalID? = nil) {
        self.origin = origin; self.proposerAccountId = proposerAccountId; self.proposerName = proposerName
        self.content = ProposalEdit(title: title, problem: problem, kamusId: kamusId, volume: volume, locationText: locationText,
                                    latitude: latitude, longitude: longitude, beneficiaries: beneficiaries)
        self.carriedFrom = carriedFrom
    }
}

/// What the guards read besides the proposal: the cycle (windows, tolerance) and the locked levels.
public struct WorkflowContext: Sendable {
    public var cycle: Cycle
    public var locks: Set<LockKey>
    public init(cycle: Cycle, locks: Set<LockKey> = []) { self.cycle = cycle; self.locks = locks }
}
