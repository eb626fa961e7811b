import Foundation
import Storage

/// The berita acara as the meeting signs it in the portal: the lock (`lockLevel`, which applies the reviewed run)
/// together with the meeting's date, place, chair and delegates, in one transaction; then the scan of the signed paper.
extension MusrenbangService {
    /// Signs the berita acara of `key`: every rule of `lockLevel` (reviewed run, nothing pending, window, scope), and
    /// the details checked as a whole first (`invalidFields`). Nothing is stored when anything is refused.
    @discardableResult
    public func signBeritaAcara(_ key: LockKey, cycleId: CycleID, runId: Int64?, documentNumber: String,
                                details: BeritaAcaraDetails, by actor: Actor) throws -> LevelLock {
        let problems = details.problems
        guard problems.isEmpty else { throw DomainError.invalidFields(problems) }
        return try transaction { tx in
            let lock = try tx.lockLevel(key, cycleId: cycleId, runId: runId, documentNumber: documentNumber, by: actor)
            try tx.read { db in
                let repository = BeritaAcaraRepository(db)
                guard let lockId = try repository.lockId(key, cycleId: cycleId) else { throw PersistenceError.notFound("berita acara \(key)") }
                try repository.insert(details, lockId: lockId)
            }
            return lock
        }
    }

    /// The details of a signed berita acara (nil when it has none), under the rule of `beritaAcara`.
    public func beritaAcaraDetails(_ key: LockKey, cycleId: CycleID, viewer: Viewer) throws -> BeritaAcaraDetails? {
        try visibleLock(key, cycleId: cycleId, viewer: viewer) { repository, lockId in try repository.details(lockId: lockId) }
    }

    /// The latest scan of a signed berita acara (without its bytes), under the rule of `beritaAcara`.
    public func beritaAcaraScan(_ key: LockKey, cycleId: CycleID, viewer: Viewer) throws -> BeritaAcaraScan? {
        try visibleLock(key, cycleId: cycleId, viewer: viewer) { repository, lockId in try repository.scan(lockId: lockId) }
    }

    /// The bytes of the latest scan, under the rule of `beritaAcara`; `notFound` without one.
    public func beritaAcaraScanFile(_ key: LockKey, cycleId: CycleID, viewer: Viewer) throws -> (kind: AttachmentKind, bytes: [UInt8]) {
        guard let file = try visibleLock(key, cycleId: cycleId, viewer: viewer, { repository, lockId in try repository.scanBytes(lockId: lockId) })
        else { throw PersistenceError.notFound("pindaian berita acara \(key)") }
        return file
    }

    /// Adds the scan of the signed paper: only the roles that sign the level, in scope, once it is signed (a later
    /// scan replaces what is shown; every one is kept).
    public func addBeritaAcaraScan(_ key: LockKey, cycleId: CycleID, bytes: [UInt8], by actor: Actor) throws {
        let kind = try BeritaAcaraScan.check(bytes)
        let now = clock.now()
        try database.write { db in
            try Self.requireSigner(key, actor: actor)
            let repository = BeritaAcaraRepository(db)
            guard let lockId = try repository.lockId(key, cycleId: cycleId) else {
                throw DomainError.invalidInput(field: "pindaian berita acara", detail: "berita acara belum ditandatangani")
            }
            try repository.insertScan(bytes, kind: kind, lockId: lockId, by: actor.accountId, at: now)
        }
    }

    /// The roles that sign a level's berita acara (`LevelLock.lock`), in scope.
    static func requireSigner(_ key: LockKey, actor: Actor) throws(DomainError) {
        switch (key, actor.role, actor.scope) {
        case (.kelurahan(let id), .verifikatorKelurahan, .kelurahan(let s)): guard id == s else { throw .notInScope }
        case (.kecamatan(let id), .operatorKecamatan, .kecamatan(let s)), (.kecamatan(let id), .camat, .kecamatan(let s)):
            guard id == s else { throw .notInScope }
        case (.opd(let id), .verifikatorOPD, .opd(let s)): guard id == s else { throw .notInScope }
        case (.kota, .bappeda, .kota): return
        default: throw .roleNotAllowed(role: actor.role, action: "unggah pindaian berita acara")
        }
    }

    /// `read` on the lock of `key` when `viewer` may see the level's results; `notFound` when not signed or hidden.
    private func visibleLock<T>(_ key: LockKey, cycleId: CycleID, viewer: Viewer,
                                _ read: (BeritaAcaraRepository, Int64) throws -> T?) throws -> T? {
        let now = clock.now()
        return try database.read { db in
            let repository = BeritaAcaraRepository(db)
            guard Visibility.canViewResults(of: key, viewer: viewer, cycle: try CycleRepository(db).cycle(id: cycleId), at: now),
                  let lockId = try repository.lockId(key, cycleId: cycleId) else {
                throw PersistenceError.notFound("berita acara \(key)")
            }
            return try read(repository, lockId)
        }
    }
}
