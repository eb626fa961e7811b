import Foundation

/// A signed berita acara (a level lock) with its details: the unit, the document, who signed (role and unit) and,
/// for a kelurahan, kecamatan or OPD, the final allocation run it applied.
public struct BeritaAcara: Hashable, Sendable {
    public var key: LockKey
    /// "Kelurahan Pondok Karya", "Kecamatan Ciputat", "Perangkat Daerah DINKES", or the kota's name.
    public var unitName: String
    public var documentNumber: String
    public var note: String
    public var lockedAt: Date
    /// Role and unit of the signer ("Verifikator Kelurahan Pondok Karya", "Camat Ciputat", "Bappeda").
    public var signedBy: String
    public var finalRun: AllocationRunView?
}
