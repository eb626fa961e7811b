/// What Bappeda changes in a kamus usulan item; nil fields stay as they are. A new unit price (SSH) applies to
/// proposals created afterwards: existing proposals keep the `unit_price` and `cost` they were stored with.
public struct KamusItemChange: Hashable, Sendable {
    public var name: String?
    public var unit: String?
    public var unitPrice: Int64?
    public var bidangId: BidangID?
    public var opdId: OPDID?
    public var isFisik: Bool?

    /// A change of the given fields only.
    public init(name: String? = nil, unit: String? = nil, unitPrice: Int64? = nil, bidangId: BidangID? = nil,
                opdId: OPDID? = nil, isFisik: Bool? = nil) {
        self.name = name; self.unit = unit; self.unitPrice = unitPrice; self.bidangId = bidangId; self.opdId = opdId
        self.isFisik = isFisik
    }

    /// `item` with this change applied; every invalid field reported at once.
    func applied(to item: KamusItem) throws(DomainError) -> KamusItem {
        var errors = FieldErrors(), copy = item
        if let name { copy.name = errors.text(name, "nama kegiatan") }
        if let unit { copy.unit = errors.text(unit, "satuan", maxLength: 32) }
        if let unitPrice { errors.range(unitPrice, 0...NewKamusItem.maxUnitPrice, "harga satuan (SSH)"); copy.unitPrice = unitPrice }
        if let bidangId { copy.bidangId = bidangId }
        if let opdId { copy.opdId = opdId }
        if let isFisik { copy.isFisik = isFisik }
        try errors.throwIfAny()
        return copy
    }
}
