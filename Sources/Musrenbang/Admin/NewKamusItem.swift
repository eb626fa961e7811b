/// A kamus usulan item Bappeda adds: its code, name, bidang, OPD, satuan, SSH unit price and whether it is fisik.
public struct NewKamusItem: Hashable, Sendable {
    public var code: String
    public var name: String
    public var bidangId: BidangID
    public var opdId: OPDID
    public var unit: String
    public var unitPrice: Int64
    public var isFisik: Bool

    /// An item to add (active).
    public init(code: String, name: String, bidangId: BidangID, opdId: OPDID, unit: String, unitPrice: Int64, isFisik: Bool) {
        self.code = code; self.name = name; self.bidangId = bidangId; self.opdId = opdId; self.unit = unit
        self.unitPrice = unitPrice; self.isFisik = isFisik
    }

    /// The highest SSH unit price accepted (Rp 1 quadrillion): a cost stays far inside Int64 for any sane volume.
    public static let maxUnitPrice: Int64 = 1_000_000_000_000_000

    /// The item with trimmed texts; every invalid field reported at once.
    func validated() throws(DomainError) -> NewKamusItem {
        var errors = FieldErrors(), copy = self
        copy.code = errors.text(code, "kode", maxLength: 32)
        copy.name = errors.text(name, "nama kegiatan")
        copy.unit = errors.text(unit, "satuan", maxLength: 32)
        errors.range(unitPrice, 0...Self.maxUnitPrice, "harga satuan (SSH)")
        try errors.throwIfAny()
        return copy
    }
}
