/// One published proposal as the open data exports carry it (`/data/usulan.csv`, `/data/usulan.json`; docs/open-data.md):
/// what, where, at what cost, how far it went and the latest reason given. Names instead of ids, and nothing about
/// a person: no proposer, no account, no NIK, phone or e-mail (the same public facts as `PublicProposal`).
public struct OpenDataProposal: Hashable, Sendable {
    /// The row id: the order of the export and where its next page starts; not exported.
    public var id: ProposalID
    public var trackingCode: String
    /// The year the Musrenbang is held (the year in the tracking code).
    public var planYear: Int
    public var kecamatan: String
    public var kelurahan: String
    public var rw: Int?
    public var rt: Int?
    public var bidang: String
    /// The kamus activity.
    public var kamus: String
    public var title: String
    public var problem: String
    public var location: String
    public var volume: Int64
    public var unit: String
    public var unitPrice: Int64
    /// Volume x SSH price as proposed.
    public var cost: Int64
    /// The cost in force (the latest level's recommendation, else the proposed cost).
    public var effectiveCost: Int64
    public var state: ProposalState
    /// "Pagu Kelurahan Pondok Karya" when an envelope funds (or funded) it.
    public var envelopeName: String?
    /// The OPD responsible: the one the kecamatan routed it to, else the kamus activity's.
    public var opd: String
    /// The note of the latest decision by a level (rejection, return, change, correction, ...), if any.
    public var latestReason: String?

    /// Funded: inside an envelope (F1) or ratified from it.
    public var funded: Bool { ProposalStatus.funded.contains(state.status) }

    public init(id: ProposalID, trackingCode: String, planYear: Int, kecamatan: String, kelurahan: String, rw: Int?, rt: Int?,
                bidang: String, kamus: String, title: String, problem: String, location: String, volume: Int64, unit: String,
                unitPrice: Int64, cost: Int64, effectiveCost: Int64, state: ProposalState, envelopeName: String?, opd: String,
                latestReason: String?) {
        self.id = id; self.trackingCode = trackingCode; self.planYear = planYear; self.kecamatan = kecamatan
        self.kelurahan = kelurahan; self.rw = rw; self.rt = rt; self.bidang = bidang; self.kamus = kamus; self.title = title
        self.problem = problem; self.location = location; self.volume = volume; self.unit = unit; self.unitPrice = unitPrice
        self.cost = cost; self.effectiveCost = effectiveCost; self.state = state; self.envelopeName = envelopeName
        self.opd = opd; self.latestReason = latestReason
    }
}
