import Musrenbang
import Storage

/// The OPD of each listed proposal's kamus item: the OPD the routing proposes by default.
enum KamusOPDReader {
    static func opds(of ids: [ProposalID], database: Database) throws -> [ProposalID: OPDID] {
        guard !ids.isEmpty else { return [:] }
        let json = "[" + ids.map { String($0.rawValue) }.joined(separator: ",") + "]"
        return try database.read { db in
            var result: [ProposalID: OPDID] = [:]
            try db.forEachRow("SELECT id, opd_id FROM proposals WHERE id IN (SELECT value FROM json_each(?))", [json]) { row in
                result[ProposalID(try row.get("id"))] = OPDID(try row.get("opd_id"))
            }
            return result
        }
    }
}
