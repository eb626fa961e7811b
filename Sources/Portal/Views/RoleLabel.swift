import Foundation
import Musrenbang
import Storage

/// A role with its unit in words, as the header and the role choice show it: "Operator Kelurahan Pondok Karya",
/// "Ketua RT 03/RW 05 Pondok Karya", "Verifikator Perangkat Daerah DINKES", "Bappeda".
enum RoleLabel {
    static func text(_ assignment: RoleAssignment, database: Database) -> String {
        text(role: assignment.role, scope: assignment.scope, database: database)
    }

    /// The label of `role` acting on `scope` (an actor's, which needs no validation as an assignment).
    static func text(role assignedRole: Role, scope: Scope, database: Database) -> String {
        let role = assignedRole.displayName
        // A resident's, the kota's and the system's roles name no unit: no read for them (every resident page shows it).
        let namesUnit = switch scope { case .selfOnly, .kota, .system: false; default: true }
        let unit: String? = !namesUnit ? nil : try? database.read { db -> String? in
            let wilayah = WilayahRepository(db)
            switch scope {
            case .kelurahan(let id): return try wilayah.kelurahan(id: id).name
            case .kecamatan(let id): return try wilayah.kecamatan(id: id).name
            case .opd(let id): return try CatalogRepository(db).opdList().first { $0.id == id }?.shortName
            case .rt(let id):
                let row = try db.queryOne("""
                    SELECT rt.number AS rt, rw.number AS rw, kelurahan.name AS kelurahan FROM rt JOIN rw ON rw.id = rt.rw_id
                    JOIN kelurahan ON kelurahan.id = rw.kelurahan_id WHERE rt.id = ?
                    """, [id.rawValue])
                return try row.map { "RT \(pad(try $0.get("rt")))/RW \(pad(try $0.get("rw"))) \(try $0.get("kelurahan") as String)" }
            case .rw(let id):
                let row = try db.queryOne("""
                    SELECT rw.number AS rw, kelurahan.name AS kelurahan FROM rw JOIN kelurahan ON kelurahan.id = rw.kelurahan_id WHERE rw.id = ?
                    """, [id.rawValue])
                return try row.map { "RW \(pad(try $0.get("rw"))) \(try $0.get("kelurahan") as String)" }
            case .selfOnly, .kota, .system: return nil
            }
        } ?? nil
        let base: String = switch assignedRole {
        case .verifikatorKelurahan: "Verifikator Kelurahan"
        case .ketuaRT, .ketuaRW: "Ketua"
        default: role
        }
        return [base, unit].compactMap { $0 }.joined(separator: " ")
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
