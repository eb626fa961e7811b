import Foundation
import Musrenbang
import Storage

/// Every scope a role can be given, read once per page (one query per kind, never one per account or role): the
/// kecamatan, kelurahan, RW and RT of the city and the OPD, each with its name in words. It feeds the scope select
/// and labels every role of a list without another read.
struct ScopeDirectory {
    struct Entry {
        let scope: Scope
        let name: String
    }

    let kecamatan: [Entry]
    let kelurahan: [Entry]
    let rw: [Entry]
    let rt: [Entry]
    let opd: [Entry]
    private let names: [Scope: String]

    init(database: Database) throws {
        (kecamatan, kelurahan, rw, rt, opd) = try database.read { db in
            let kecamatan = try db.query("SELECT id, name FROM kecamatan ORDER BY name").map { row in
                Entry(scope: .kecamatan(KecamatanID(try row.get("id"))), name: "Kecamatan " + (try row.get("name") as String))
            }
            let kelurahan = try db.query("SELECT id, name FROM kelurahan ORDER BY name").map { row in
                Entry(scope: .kelurahan(KelurahanID(try row.get("id"))), name: "Kelurahan " + (try row.get("name") as String))
            }
            let rw = try db.query("""
                SELECT rw.id, rw.number, kelurahan.name FROM rw JOIN kelurahan ON kelurahan.id = rw.kelurahan_id
                ORDER BY kelurahan.name, rw.number
                """).map { row in
                Entry(scope: .rw(RWID(try row.get("id"))), name: "RW \(Self.pad(try row.get("number"))) \(try row.get("name") as String)")
            }
            let rt = try db.query("""
                SELECT rt.id, rt.number AS rt, rw.number AS rw, kelurahan.name FROM rt JOIN rw ON rw.id = rt.rw_id
                JOIN kelurahan ON kelurahan.id = rw.kelurahan_id ORDER BY kelurahan.name, rw.number, rt.number
                """).map { row in
                Entry(scope: .rt(RTID(try row.get("id"))),
                      name: "RT \(Self.pad(try row.get("rt")))/RW \(Self.pad(try row.get("rw"))) \(try row.get("name") as String)")
            }
            let opd = try CatalogRepository(db).opdList().map { Entry(scope: .opd($0.id), name: "\($0.shortName) (\($0.name))") }
            return (kecamatan, kelurahan, rw, rt, opd)
        }
        var names: [Scope: String] = [.kota: "Kota", .system: "Sistem", .selfOnly: "Diri sendiri"]
        for entry in kecamatan + kelurahan + rw + rt + opd { names[entry.scope] = entry.name }
        self.names = names
    }

    /// The scope's name ("Kelurahan Pondok Karya", "RT 01/RW 02 Pondok Karya"); its text when unknown.
    func name(_ scope: Scope) -> String { names[scope] ?? scope.text }

    /// "Operator Kelurahan · Kelurahan Pondok Karya"; a role of the city or the system without its scope.
    func label(_ assignment: RoleAssignment) -> String {
        switch assignment.scope {
        case .kota, .system, .selfOnly: assignment.role.displayName
        default: "\(assignment.role.displayName) · \(name(assignment.scope))"
        }
    }

    /// The scope select's choices, grouped by kind.
    var groups: [SelectGroup] {
        func group(_ label: String, _ entries: [Entry]) -> SelectGroup {
            SelectGroup(label: label, options: entries.map { SelectOption(value: $0.scope.text, text: $0.name) })
        }
        return [group("Kecamatan", kecamatan), group("Kelurahan", kelurahan), group("Perangkat Daerah", opd), group("RW", rw),
                group("RT", rt)].filter { !$0.options.isEmpty }
    }

    /// The scope a select's value names ("kelurahan:3"), if it is one of the directory's (or kota, system, self).
    func scope(_ text: String?) -> Scope? {
        guard let text else { return nil }
        return names.keys.first { $0.text == text }
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
