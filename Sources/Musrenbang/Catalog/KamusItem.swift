/// One entry of the kamus usulan: an activity that may be proposed, with its bidang, the OPD that
/// carries it out, its unit (satuan) and the SSH standard unit price in rupiah.
public struct KamusItem: Hashable, Sendable {
    public var id: KamusID
    public var code: String
    public var name: String
    public var bidangId: BidangID
    public var opdId: OPDID
    /// Satuan, e.g. "meter", "unit", "paket", "orang".
    public var unit: String
    /// SSH unit price in rupiah.
    public var unitPrice: Int64
    /// Fisik (construction) or non-fisik (training, services).
    public var isFisik: Bool
    /// Inactive items stay for old proposals but cannot be chosen for new ones.
    public var active: Bool

    public init(id: KamusID, code: String, name: String, bidangId: BidangID, opdId: OPDID,
                unit: String, unitPrice: Int64, isFisik: Bool, active: Bool = true) {
        self.id = id; self.code = code; self.name = name; self.bidangId = bidangId; self.opdId = opdId
        self.unit = unit; self.unitPrice = unitPrice; self.isFisik = isFisik; self.active = active
    }

    /// Cost of `volume` units at the SSH price (volume x unit price), refusing overflow and bad volumes.
    public func cost(volume: Int64) throws(DomainError) -> Int64 {
        try SSHPrice.minimumCost(volume: volume, unitPrice: unitPrice)
    }
}

public typealias KamusID = Identifier<KamusItem>

/// The cost rules against the SSH price.
public enum SSHPrice {
    /// volume x unitPrice, with volume > 0 and no overflow.
    public static func minimumCost(volume: Int64, unitPrice: Int64) throws(DomainError) -> Int64 {
        guard volume > 0 else { throw .invalidInput(field: "volume", detail: "volume harus lebih dari 0") }
        guard unitPrice >= 0 else { throw .invalidInput(field: "harga satuan", detail: "harga satuan tidak boleh negatif") }
        let (product, overflow) = volume.multipliedReportingOverflow(by: unitPrice)
        guard !overflow else { throw .invalidInput(field: "volume", detail: "biaya terlalu besar") }
        return product
    }

    /// Checks a verifier's changed cost: below volume x SSH price is refused; above it by more than
    /// `toleranceBasisPoints` (1000 = 10%) is allowed but returns `true` (flagged).
    public static func checkChangedCost(volume: Int64, cost: Int64, unitPrice: Int64,
                                        toleranceBasisPoints: Int) throws(DomainError) -> Bool {
        let minimum = try minimumCost(volume: volume, unitPrice: unitPrice)
        guard cost >= minimum else { throw .costBelowSSH(cost: cost, minimum: minimum) }
        // cost > minimum * (1 + tol): compare in 128-bit so that large amounts cannot overflow.
        let lhs = Int128(cost) * 10_000
        let rhs = Int128(minimum) * Int128(10_000 + max(0, toleranceBasisPoints))
        return lhs > rhs
    }
}
