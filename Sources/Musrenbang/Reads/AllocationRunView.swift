import Foundation

/// An allocation run as a meeting and, once the level's results are public, everyone sees it: the envelope, its
/// ceiling and use, and each decision with its reason. No account ids.
public struct AllocationRunView: Hashable, Sendable {
    public var runId: Int64
    public var envelope: FundingEnvelope
    /// "Pagu Kelurahan Pondok Karya", "Pagu Kecamatan Ciputat", "Pagu Perangkat Daerah DINKES".
    public var envelopeName: String
    public var envelopeAmount: Int64
    public var fundedTotal: Int64
    public var remaining: Int64
    public var runAt: Date
    /// In processing (rank) order.
    public var decisions: [AllocationDecisionView]
}

