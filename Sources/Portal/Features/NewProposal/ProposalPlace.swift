import Foundation
import Musrenbang
import Storage

/// An RT with the names around it, as the form shows the proposal's place: "RT 01/RW 02, Kelurahan Pondok Karya,
/// Kecamatan Ciputat Timur".
struct ProposalPlace {
    let rtId: RTID
    let kelurahanId: KelurahanID
    let text: String

    /// The place of `rtId`, or nil when there is no such RT.
    static func of(_ rtId: Int64, database: Database) throws -> ProposalPlace? {
        try database.read { db in
            try db.queryOne("""
                SELECT rt.number AS rt, rw.number AS rw, kelurahan.id AS kelurahan_id, kelurahan.name AS kelurahan,
                    kecamatan.name AS kecamatan FROM rt JOIN rw ON rw.id = rt.rw_id JOIN kelurahan ON kelurahan.id = rw.kelurahan_id
                JOIN kecamatan ON kecamatan.id = kelurahan.kecamatan_id WHERE rt.id = ?
                """, [rtId]).map { row in
                ProposalPlace(rtId: RTID(rtId), kelurahanId: KelurahanID(try row.get("kelurahan_id")),
                              text: "RT \(pad(try row.get("rt")))/RW \(pad(try row.get("rw"))), Kelurahan \(try row.get("kelurahan") as String), "
                                  + "Kecamatan \(try row.get("kecamatan") as String)")
            }
        }
    }

    static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
