import Foundation
import Musrenbang
import Storage

/// Every scope a role can be given, read once per page (one query per kind, never one per account or role): the
/// kecamatan, kelurahan, RW and RT of the city and the OPD, each with its name in words. It labels every role of a
/// list without another read and feeds the scope select with the kecamatan, kelurahan and OPD; an RW or RT is named
/// by its kelurahan and number (a city has thousands of RT: a select of them all would outweigh the page).
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
    private let byText: [String: Scope]
    private let rwByNumber: [String: RWID]
    private let rtByNumber: [String: RTID]

    /// Every area; with `only`, the RW and RT among them alone (a list labels its own roles without reading the
    /// city's thousands of RT).
    init(database: Database, only: Set<Scope>? = nil) throws {
        let rwIds = "[" + (only ?? []).compactMap { if case .rw(let id) = $0 { String(id.rawValue) } else { nil } }.joined(separator: ",") + "]"
        let rtIds = "[" + (only ?? []).compactMap { if case .rt(let id) = $0 { String(id.rawValue) } else { nil } }.joined(separator: ",") + "]"
        let limited = only != nil
        var rwByNumber: [String: RWID] = [:], rtByNumber: [String: RTID] = [:]
        (kecamatan, kelurahan, rw, rt, opd) = try database.read { db in
            let kecamatan = try db.query("SELECT id, name FROM kecamatan ORDER BY name").map { row in
                Entry(scope: .kecamatan(KecamatanID(try row.get("id"))), name: "Kecamatan " + (try row.get("name") as String))
            }
            let kelurahan = try db.query("SELECT id, name FROM kelurahan ORDER BY name").map { row in
                Entry(scope: .kelurahan(KelurahanID(try row.get("id"))), name: "Kelurahan " + (try row.get("name") as String))
            }
            let rw = try db.query("""
                SELECT rw.id, rw.number, rw.kelurahan_id, kelurahan.name FROM rw JOIN kelurahan ON kelurahan.id = rw.kelurahan_id
                WHERE ?1 = 0 OR rw.id IN (SELECT value FROM json_each(?2)) ORDER BY kelurahan.name, rw.number
                """, [limited, rwIds]).map { row in
                rwByNumber["\(try row.get("kelurahan_id") as Int64)/\(try row.get("number") as Int)"] = RWID(try row.get("id"))
                return Entry(scope: .rw(RWID(try row.get("id"))), name: "RW \(Self.pad(try row.get("number"))) \(try row.get("name") as String)")
            }
            let rt = try db.query("""
                SELECT rt.id, rt.number AS rt, rt.rw_id, rw.number AS rw, kelurahan.name FROM rt JOIN rw ON rw.id = rt.rw_id
                JOIN kelurahan ON kelurahan.id = rw.kelurahan_id WHERE ?1 = 0 OR rt.id IN (SELECT value FROM json_each(?2))
                ORDER BY kelurahan.name, rw.number, rt.number
                """, [limited, rtIds]).map { row in
                rtByNumber["\(try row.get("rw_id") as Int64)/\(try row.get("rt") as Int)"] = RTID(try row.get("id"))
                return Entry(scope: .rt(RTID(try row.get("id"))),
                      name: "RT \(Self.pad(try row.get("rt")))/RW \(Self.pad(try row.get("rw"))) \(try row.get("name") as String)")
            }
            let opd = try CatalogRepository(db).opdList().map { Entry(scope: .opd($0.id), name: "\($0.shortName) (\($0.name))") }
            return (kecamatan, kelurahan, rw, rt, opd)
        }
        var names: [Scope: String] = [.kota: "Kota", .system: "Sistem", .selfOnly: "Diri sendiri"]
        for entry in kecamatan + kelurahan + rw + rt + opd { names[entry.scope] = entry.name }
        self.names = names
        byText = Dictionary(names.keys.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        self.rwByNumber = rwByNumber
        self.rtByNumber = rtByNumber
    }

    /// RW `number` of a kelurahan, if there is one.
    func rw(kelurahan: KelurahanID, number: Int) -> RWID? { rwByNumber["\(kelurahan.rawValue)/\(number)"] }

    /// RT `number` of an RW, if there is one.
    func rt(rw: RWID, number: Int) -> RTID? { rtByNumber["\(rw.rawValue)/\(number)"] }

    /// The scope's name ("Kelurahan Pondok Karya", "RT 01/RW 02 Pondok Karya"); its text when unknown.
    func name(_ scope: Scope) -> String { names[scope] ?? scope.text }

    /// "Operator Kelurahan · Kelurahan Pondok Karya"; a role of the city or the system without its scope.
    func label(_ assignment: RoleAssignment) -> String {
        switch assignment.scope {
        case .kota, .system, .selfOnly: assignment.role.displayName
        default: "\(assignment.role.displayName) · \(name(assignment.scope))"
        }
    }

    /// The scope select's choices, grouped by kind: kecamatan, kelurahan (also the kelurahan of an RW or RT), OPD.
    var groups: [SelectGroup] {
        func group(_ label: String, _ entries: [Entry]) -> SelectGroup {
            SelectGroup(label: label, options: entries.map { SelectOption(value: $0.scope.text, text: $0.name) })
        }
        return [group("Kecamatan", kecamatan), group("Kelurahan", kelurahan), group("Perangkat Daerah", opd)].filter { !$0.options.isEmpty }
    }

    /// The scope a select's value names ("kelurahan:3"), if it is one of the directory's (or kota, system, self).
    func scope(_ text: String?) -> Scope? {
        guard let text else { return nil }
        return byText[text]
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
