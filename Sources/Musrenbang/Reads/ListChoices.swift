/// What a proposal list may be filtered by: a city's kecamatan (by name) with their kelurahan (by kecamatan, then name),
/// every bidang and OPD. All of it is public master data.
public struct ListChoices: Hashable, Sendable {
    public var kecamatan: [Kecamatan]
    public var kelurahan: [Kelurahan]
    public var bidang: [Bidang]
    public var opd: [OPD]

    public init(kecamatan: [Kecamatan], kelurahan: [Kelurahan], bidang: [Bidang], opd: [OPD]) {
        self.kecamatan = kecamatan; self.kelurahan = kelurahan; self.bidang = bidang; self.opd = opd
    }
}
