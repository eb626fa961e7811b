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

    /// Indonesian label used in reasons: "porsi fisik", "porsi bidang 3" (screens name the bidang).
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

/// A share of an envelope for one group, as the pengarah sets it: a **maximum** (the group's proposals together get
/// at most floor(envelope x basis points / 10000)) or a **minimum**, a reserve (that much is kept for the group:
/// other proposals may not use it while the group's remaining candidates could; what they cannot use returns to the
/// pool within the same run). "At least 40% non-fisik" is a 40% minimum on non-fisik (or a 60% maximum on fisik).
public struct GroupShare: Hashable, Sendable {
    /// Whether the share caps the group or reserves for it.
    public enum Bound: String, Hashable, Sendable, CaseIterable {
        case maximum, minimum
    }

    public var group: AllocationGroup
    public var capBasisPoints: Int
    public var bound: Bound

    public init(group: AllocationGroup, capBasisPoints: Int, bound: Bound = .maximum) {
        self.group = group; self.capBasisPoints = capBasisPoints; self.bound = bound
    }

    /// A reserve of `basisPoints` of the envelope for `group`.
    public static func minimum(_ group: AllocationGroup, basisPoints: Int) -> GroupShare {
        GroupShare(group: group, capBasisPoints: basisPoints, bound: .minimum)
    }

    /// The share in rupiah for an envelope amount (the cap, or the reserve).
    public func cap(of envelope: Int64) -> Int64 {
        Int64(Int128(envelope) * Int128(capBasisPoints) / 10_000)
    }

    /// The stored form of a list of shares (a JSON array of `json`), as an allocation run records them.
    public static func json(_ shares: [GroupShare]) -> String { "[" + shares.map(\.json).joined(separator: ",") + "]" }

    /// Stored and compared form: `{"bound":"maximum","cap_bp":6000,"group":"fisik"}` (keys in order).
    public var json: String { "{\"bound\":\"\(bound.rawValue)\",\"cap_bp\":\(capBasisPoints),\"group\":\"\(group.description)\"}" }
}
