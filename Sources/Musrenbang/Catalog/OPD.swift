/// OPD (Organisasi Perangkat Daerah / Dinas): a technical agency of the city.
public struct OPD: Hashable, Sendable {
    public var id: OPDID
    public var code: String
    public var name: String
    public var shortName: String
    public init(id: OPDID, code: String, name: String, shortName: String) {
        self.id = id; self.code = code; self.name = name; self.shortName = shortName
    }
}

public typealias OPDID = Identifier<OPD>
