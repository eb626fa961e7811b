import Foundation
import Storage
import Testing
@testable import Musrenbang

extension TestWorld {
    /// Every row of every table as text: equal before and after a refused call means nothing was written.
    func fingerprint() throws -> [String: [String]] {
        try database.read { db in
            let tables: [String] = try db.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .map { try $0.get(0) }
            var rows: [String: [String]] = [:]
            for table in tables {
                rows[table] = try db.query("SELECT * FROM \"\(table)\"").map { row in
                    (0..<row.count).map { row[$0].description }.joined(separator: "|")
                }.sorted()
            }
            return rows
        }
    }

    /// The admin log, oldest first.
    func adminLog() throws -> [AdminLogEntry] {
        try database.read { db in try AdminLogRepository(db).entries(limit: 10_000) }.reversed()
    }

    /// Runs `body`, expects it to throw a `DomainError` with `ruleId`, and checks that nothing was written.
    func expectRefused(_ ruleId: String, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () throws -> Void) throws {
        let before = try fingerprint()
        do {
            try body()
            Issue.record("not refused (\(ruleId)) \(comment.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        } catch let error as DomainError {
            #expect(error.ruleId == ruleId, "\(error) \(comment.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error) \(comment.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        }
        #expect(try fingerprint() == before, "a refused call wrote something \(comment.map { "\($0)" } ?? "")",
                sourceLocation: sourceLocation)
    }
}
