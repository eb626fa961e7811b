import Foundation
import Musrenbang
import Storage

/// The reason templates of each verifying unit (`reason_templates`, Migrations/0012), keyed by the unit's scope text.
/// A small list: at most `maxPerOwner`, each at most 500 characters. Every statement binds its values.
struct ReasonTemplateStore: Sendable {
    let database: Database
    static let maxPerOwner = 30
    static let maxLength = 500

    /// Why a template is not added, in words for the form.
    enum Refusal: Error, Equatable {
        case empty, tooLong, duplicate, full

        var message: String {
            switch self {
            case .empty: "Tulis teks alasannya."
            case .tooLong: "Teks alasan terlalu panjang: paling banyak 500 huruf."
            case .duplicate: "Alasan yang sama sudah ada dalam daftar."
            case .full: "Daftar sudah berisi \(ReasonTemplateStore.maxPerOwner) alasan; hapus yang jarang dipakai dulu."
            }
        }
    }

    func list(owner: String) throws -> [ReasonTemplate] {
        try database.read { db in
            try db.query("SELECT id, text FROM reason_templates WHERE owner = ? ORDER BY text, id", [owner]).map {
                ReasonTemplate(id: try $0.get("id"), text: try $0.get("text"))
            }
        }
    }

    /// Adds `text` (trimmed) to `owner`'s list.
    func add(_ text: String, owner: String, by account: AccountID, at now: Date) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Refusal.empty }
        guard trimmed.count <= Self.maxLength else { throw Refusal.tooLong }
        try database.write { db in
            let count: Int64 = try db.scalar("SELECT count(*) FROM reason_templates WHERE owner = ?", [owner]) ?? 0
            guard count < Self.maxPerOwner else { throw Refusal.full }
            let same: Int64 = try db.scalar("SELECT count(*) FROM reason_templates WHERE owner = ? AND text = ?", [owner, trimmed]) ?? 0
            guard same == 0 else { throw Refusal.duplicate }
            try db.execute("INSERT INTO reason_templates (owner, text, created_by, created_at) VALUES (?, ?, ?, ?)",
                           [owner, trimmed, account.rawValue, WIBTime.iso8601(now)])
        }
    }

    /// Removes template `id` of `owner`; false when `owner` has no such template (another unit's is never touched).
    @discardableResult
    func remove(_ id: Int64, owner: String) throws -> Bool {
        try database.write { db in
            try db.execute("DELETE FROM reason_templates WHERE id = ? AND owner = ?", [id, owner])
            return db.changes > 0
        }
    }
}
