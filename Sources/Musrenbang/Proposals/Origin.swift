/// Where a proposal comes from. A resident's proposal has its RT and RW; one entered by an operator from
/// a kelurahan-level form may have neither. The kecamatan is kept for recaps and scope checks.
public struct Origin: Hashable, Sendable {
    public var kecamatanId: KecamatanID
    public var kelurahanId: KelurahanID
    public var rwId: RWID?
    public var rtId: RTID?

    public init(kecamatanId: KecamatanID, kelurahanId: KelurahanID, rwId: RWID? = nil, rtId: RTID? = nil) {
        self.kecamatanId = kecamatanId; self.kelurahanId = kelurahanId; self.rwId = rwId; self.rtId = rtId
    }
}
