import Foundation
import Storage

/// The documents of the kelurahan Musrenbang (`meeting_documents`, Migrations/0014): metadata and bytes.
struct MeetingDocumentRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    private static let metadataColumns = """
        id, cycle_id, kelurahan_id, kind, title, file_name, media_type, length(content) AS byte_count, sha256, uploaded_by, uploaded_at
        """

    func insert(_ d: MeetingDocument, content: [UInt8]) throws -> MeetingDocument {
        try db.execute("""
            INSERT INTO meeting_documents (cycle_id, kelurahan_id, kind, title, file_name, media_type, content, sha256, uploaded_by, uploaded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [d.cycleId.rawValue, d.kelurahanId.rawValue, d.kind.rawValue, d.title, d.fileName, d.mediaType, content, d.sha256,
                  d.uploadedBy.rawValue, Stored.text(d.uploadedAt)])
        var stored = d
        stored.id = MeetingDocumentID(db.lastInsertRowID)
        return stored
    }

    /// The documents of one kelurahan's Musrenbang in a cycle, oldest first.
    func list(cycleId: CycleID, kelurahanId: KelurahanID) throws -> [MeetingDocument] {
        try db.query("SELECT \(Self.metadataColumns) FROM meeting_documents WHERE cycle_id = ? AND kelurahan_id = ? ORDER BY id",
                     [cycleId.rawValue, kelurahanId.rawValue]).map(Self.document)
    }

    func document(id: MeetingDocumentID) throws -> MeetingDocument? {
        try db.queryOne("SELECT \(Self.metadataColumns) FROM meeting_documents WHERE id = ?", [id.rawValue]).map(Self.document)
    }

    func content(id: MeetingDocumentID) throws -> [UInt8]? {
        try db.queryOne("SELECT content FROM meeting_documents WHERE id = ?", [id.rawValue]).map { try $0.get("content", as: [UInt8].self) }
    }

    private static func document(_ row: Row) throws -> MeetingDocument {
        let kindText: String = try row.get("kind")
        guard let kind = MeetingDocumentKind(rawValue: kindText) else { throw PersistenceError.corrupt("meeting_documents.kind \(kindText)") }
        return MeetingDocument(id: MeetingDocumentID(try row.get("id")), cycleId: CycleID(try row.get("cycle_id")),
                               kelurahanId: KelurahanID(try row.get("kelurahan_id")), kind: kind, title: try row.get("title"),
                               fileName: try row.get("file_name"), mediaType: try row.get("media_type"),
                               byteCount: try row.get("byte_count"), sha256: try row.get("sha256"),
                               uploadedBy: AccountID(try row.get("uploaded_by")), uploadedAt: try Stored.date(row, "uploaded_at"))
    }
}
