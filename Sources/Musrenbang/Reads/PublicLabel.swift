import Foundation

/// The public wording of who acted or proposed: a role and its unit, never a person.
public enum PublicLabel {
    /// The unit names a label may need, taken from the proposal (an area role acts only on proposals of its area).
    public struct Units: Hashable, Sendable {
        public var kecamatanName: String
        public var kelurahanName: String
        public var rwNumber: Int?
        public var rtNumber: Int?
        public init(kecamatanName: String, kelurahanName: String, rwNumber: Int?, rtNumber: Int?) {
            self.kecamatanName = kecamatanName; self.kelurahanName = kelurahanName
            self.rwNumber = rwNumber; self.rtNumber = rtNumber
        }
    }

    /// "Operator Kelurahan Pondok Karya", "Camat Ciputat", "Verifikator Perangkat Daerah DINKES", "Bappeda",
    /// "Pengusul" (the proposer) or "Warga".
    public static func actor(role: Role, isProposer: Bool, units: Units, opdName: String?) -> String {
        switch role {
        case .warga: isProposer ? "Pengusul" : "Warga"
        case .ketuaRT: "Ketua \(rtRW(units) ?? "RT") \(units.kelurahanName)"
        case .ketuaRW: "Ketua RW \(units.rwNumber.map(number) ?? "") \(units.kelurahanName)"
        case .operatorKelurahan: "Operator Kelurahan \(units.kelurahanName)"
        case .verifikatorKelurahan: "Verifikator Kelurahan \(units.kelurahanName)"
        case .operatorKecamatan: "Operator Kecamatan \(units.kecamatanName)"
        case .camat: "Camat \(units.kecamatanName)"
        case .verifikatorOPD: "Verifikator Perangkat Daerah" + (opdName.map { " \($0)" } ?? "")
        case .bappeda: "Bappeda"
        case .adminSistem: "Admin Sistem"
        }
    }

    /// "Warga RT 01/RW 02", or "Warga Kelurahan X" without RT/RW.
    public static func proposer(_ units: Units) -> String {
        rtRW(units).map { "Warga \($0)" } ?? "Warga Kelurahan \(units.kelurahanName)"
    }

    /// "RT 01/RW 02" when both are known.
    static func rtRW(_ units: Units) -> String? {
        guard let rt = units.rtNumber, let rw = units.rwNumber else { return nil }
        return "RT \(number(rt))/RW \(number(rw))"
    }

    static func number(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
