/// Bidang: sector group of an activity (Fisik dan Prasarana, Ekonomi, Sosial Budaya, ...).
public struct Bidang: Hashable, Sendable {
    public var id: BidangID
    public var code: String
    public var name: String
    public init(id: BidangID, code: String, name: String) { self.id = id; self.code = code; self.name = name }
}

public typealias BidangID = Identifier<Bidang>
