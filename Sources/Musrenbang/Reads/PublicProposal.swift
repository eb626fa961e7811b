import Foundation

/// A proposal as the public sees it (its page at `/usulan/{kode}`, reachable from the printed receipt): what is
/// proposed, where, at what cost, each level's recommendation and the timeline. It holds no account id, no proposer
/// name (only "Warga RT 01/RW 02"), no personal data and no staff identity beyond role and unit.
public struct PublicProposal: Hashable, Sendable {
    public var trackingCode: TrackingCode
    public var cycleName: String
    public var title: String
    public var problem: String
    public var locationText: String
    public var latitude: Double?
    public var longitude: Double?
    public var kecamatanName: String
    public var kelurahanName: String
    public var rwNumber: Int?
    public var rtNumber: Int?
    /// "Warga RT 01/RW 02" (or "Warga Kelurahan X" for a form without RT/RW): never the proposer's name.
    public var proposerLabel: String
    public var bidangName: String
    public var kamusName: String
    public var unit: String
    public var isFisik: Bool
    public var volume: Int64
    public var unitPrice: Int64
    public var cost: Int64
    /// The cost in force (the latest recommendation's, else the proposed cost).
    public var effectiveCost: Int64
    public var beneficiaries: Int64
    /// Each level's recommendation, kelurahan first.
    public var recommendations: [PublicRecommendation]
    public var state: ProposalState
    /// The envelope that funds it, named ("Pagu Kelurahan Pondok Karya"), when funded.
    public var envelopeName: String?
    /// The OPD it was routed to (short name).
    public var routedOPDName: String?
    /// Last cycle's proposal it was carried over from.
    public var carriedFrom: TrackingCode?
    public var submittedAt: Date?
    /// The timeline, oldest first.
    public var events: [PublicEvent]
}

