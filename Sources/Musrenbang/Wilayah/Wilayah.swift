/// Kota (the city). Bappeda of this kota runs the system; `code` prefixes tracking codes ("TGS").
public struct Kota: Hashable, Sendable {
    public var id: KotaID
    public var code: String
    public var name: String
    public init(id: KotaID, code: String, name: String) { self.id = id; self.code = code; self.name = name }
}

/// Kecamatan (district) of a kota, led by a Camat.
public struct Kecamatan: Hashable, Sendable {
    public var id: KecamatanID
    public var kotaId: KotaID
    public var code: String
    public var name: String
    public init(id: KecamatanID, kotaId: KotaID, code: String, name: String) {
        self.id = id; self.kotaId = kotaId; self.code = code; self.name = name
    }
}

/// Kelurahan (urban village) of a kecamatan, led by a Lurah.
public struct Kelurahan: Hashable, Sendable {
    public var id: KelurahanID
    public var kecamatanId: KecamatanID
    public var code: String
    public var name: String
    public init(id: KelurahanID, kecamatanId: KecamatanID, code: String, name: String) {
        self.id = id; self.kecamatanId = kecamatanId; self.code = code; self.name = name
    }
}

/// Rukun Warga inside a kelurahan, numbered ("RW 05").
public struct RukunWarga: Hashable, Sendable {
    public var id: RWID
    public var kelurahanId: KelurahanID
    public var number: Int
    public init(id: RWID, kelurahanId: KelurahanID, number: Int) {
        self.id = id; self.kelurahanId = kelurahanId; self.number = number
    }
}

/// Rukun Tetangga inside an RW, numbered ("RT 003").
public struct RukunTetangga: Hashable, Sendable {
    public var id: RTID
    public var rwId: RWID
    public var number: Int
    public init(id: RTID, rwId: RWID, number: Int) { self.id = id; self.rwId = rwId; self.number = number }
}

public typealias KotaID = Identifier<Kota>
public typealias KecamatanID = Identifier<Kecamatan>
public typealias KelurahanID = Identifier<Kelurahan>
public typealias RWID = Identifier<RukunWarga>
public typealias RTID = Identifier<RukunTetangga>
