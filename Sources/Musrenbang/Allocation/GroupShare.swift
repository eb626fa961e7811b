/// A group of proposals that a level may cap inside its envelope.
public enum AllocationGroup: Hashable, Sendable, CustomStringConvertible {
    case fisik
    case nonFisik
    case bidang(BidangID)

    /// Does a proposal with these attributes belong to the group?
    public func contains(isFisik: Bool, bidangId: BidangID) -> Bool {
        switch self {
        case .fisik: isFisik
        case .nonFisik: !isFisik
        case .bidang(let id): bidangId == id
        }
    }

    /// Indonesian label used in reasons: "porsi fisik", "porsi bidang 3".
    public var label: String {
        switch self {
        case .fisik: "porsi fisik"
        case .nonFisik: "porsi non-fisik"
        case .bidang(let id): "porsi bidang \(id)"
        }
    }

    /// Stored form: "fisik", "non_fisik", "bidang:3".
    public var description: String {
        switch self {
        case .fisik: "fisik"
        case .nonFisik: "non_fisik"
        case .bidang(let id): "bidang:\(id)"
        }
    }

    /// Parses the stored form (`description`); nil for anything else.
    public init?(stored: String) {
        switch stored {
        case "fisik": self = .fisik
        case "non_fisik": self = .nonFisik
        default:
            guard stored.hasPrefix("bidang:"), let id = Int64(stored.dropFirst("bidang:".count)) else { return nil }
            self = .bidang(BidangID(id))
        }
    }
}

/// A share of an envelope as a cap for one group: its proposals together get at most
/// floor(envelope x capBasisPoints / 10000). "At least 40% non-fisik" is written as a 60% cap on fisik.
public struct GroupShare: Hashable, Sendable {
    public var group: AllocationGroup
    public var capBasisPoints: Int

    public init(group: AllocationGroup, capBasisPoints: Int) { self.group = group; self.capBasisPoints = capBasisPoints }

    /// The cap in rupiah for an envelope amount.
    public func cap(of envelope: Int64) -> Int64 {
        Int64(Int128(envelope) * Int128(capBasisPoints) / 10_000)
    }
}
