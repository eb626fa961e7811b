import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The berita acara's details (date, place, chair, delegates; Migrations/0013) are stored with the lock in one
/// transaction, only when the lock itself succeeds; the scan of the signed paper is checked by its bytes and kept for
/// the signer's level; both read under the level's visibility.
@Suite struct BeritaAcaraDetailsTests {
    let details = BeritaAcaraDetails(meetingDate: MeetingDate(text: "2027-01-15")!, place: " Aula Kelurahan ", chair: "H. Ahmad",
                                     delegates: [Delegate(name: "Siti", gender: .perempuan), Delegate(name: "Budi", gender: .lakiLaki)])

    @Test func theDetailsAreStoredWithTheLockAndReadBack() throws {
        let world = try TestWorld()
        let p = try world.acceptedProposal()
        let runId = try world.rankAndRun(.kelurahan(world.kelurahan[0]), [p], by: world.actor("lurah"))
        let key = LockKey.kelurahan(world.kelurahan[0])
        try world.service.signBeritaAcara(key, cycleId: world.cycle.id, runId: runId, documentNumber: "BA/1", details: details,
                                          by: world.actor("lurah"))
        let stored = try world.service.beritaAcaraDetails(key, cycleId: world.cycle.id, viewer: .actor(world.actor("lurah")))
        #expect(stored == details)
        #expect(stored?.place == "Aula Kelurahan")
        #expect(stored?.includesWoman == true)
        // Before the kecamatan Musrenbang opens, another kelurahan's verifier sees nothing of it.
        #expect(throws: PersistenceError.self) {
            try world.service.beritaAcaraDetails(key, cycleId: world.cycle.id, viewer: .actor(world.actor("lurah1")))
        }
    }

    @Test func refusedDetailsOrARefusedLockStoreNothing() throws {
        let world = try TestWorld()
        let p = try world.acceptedProposal()
        let lurah = world.actor("lurah")
        let runId = try world.rankAndRun(.kelurahan(world.kelurahan[0]), [p], by: lurah)
        let key = LockKey.kelurahan(world.kelurahan[0])
        let empty = BeritaAcaraDetails(meetingDate: MeetingDate(text: "2027-01-15")!, place: " ", chair: "", delegates: [])
        #expect(throws: DomainError.invalidFields(empty.problems)) {
            try world.service.signBeritaAcara(key, cycleId: world.cycle.id, runId: runId, documentNumber: "BA/1", details: empty, by: lurah)
        }
        #expect(empty.problems.map(\.field) == ["place", "chair", "delegates"])
        let newer = try world.service.runAllocation(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, by: lurah).runId
        #expect(throws: DomainError.self) {
            try world.service.signBeritaAcara(key, cycleId: world.cycle.id, runId: runId, documentNumber: "BA/1", details: details, by: lurah)
        }
        let rows: Int64? = try world.database.read { db in try db.scalar("SELECT count(*) FROM berita_acara_details") }
        #expect(rows == 0)
        #expect(try world.database.read { db in try LockRepository(db).keys(cycleId: world.cycle.id) }.isEmpty)
        try world.service.signBeritaAcara(key, cycleId: world.cycle.id, runId: newer, documentNumber: "BA/1", details: details, by: lurah)
        #expect(try world.service.beritaAcaraDetails(key, cycleId: world.cycle.id, viewer: .actor(lurah)) == details)
    }

    @Test func theScanIsCheckedByItsBytesAndOnlyTheSignerOfTheLevelAddsIt() throws {
        let world = try TestWorld()
        let p = try world.acceptedProposal()
        let lurah = world.actor("lurah")
        let key = LockKey.kelurahan(world.kelurahan[0])
        let pdf = Array("%PDF-1.7\n%%EOF".utf8)
        #expect(throws: DomainError.self) { try world.service.addBeritaAcaraScan(key, cycleId: world.cycle.id, bytes: pdf, by: lurah) }
        let runId = try world.rankAndRun(.kelurahan(world.kelurahan[0]), [p], by: lurah)
        try world.service.signBeritaAcara(key, cycleId: world.cycle.id, runId: runId, documentNumber: "BA/1", details: details, by: lurah)
        #expect(throws: DomainError.invalidInput(field: "pindaian berita acara", detail: "hanya dokumen PDF, atau foto JPEG atau PNG")) {
            try world.service.addBeritaAcaraScan(key, cycleId: world.cycle.id, bytes: Array("<html>".utf8), by: lurah)
        }
        #expect(throws: DomainError.notInScope) {
            try world.service.addBeritaAcaraScan(key, cycleId: world.cycle.id, bytes: pdf, by: world.actor("lurah1"))
        }
        #expect(throws: DomainError.roleNotAllowed(role: .operatorKelurahan, action: "unggah pindaian berita acara")) {
            try world.service.addBeritaAcaraScan(key, cycleId: world.cycle.id, bytes: pdf, by: world.actor("op.kel0"))
        }
        try world.service.addBeritaAcaraScan(key, cycleId: world.cycle.id, bytes: pdf, by: lurah)
        let file = try world.service.beritaAcaraScanFile(key, cycleId: world.cycle.id, viewer: .actor(lurah))
        #expect(file.kind == .pdf && file.bytes == pdf)
        #expect(try world.service.beritaAcaraScan(key, cycleId: world.cycle.id, viewer: .actor(lurah))?.byteCount == pdf.count)
    }

    @Test func theMeetingSeesBeforeSigningWhetherItsRunStillHolds() throws {
        let world = try TestWorld()
        let (p, q) = (try world.acceptedProposal(), try world.acceptedProposal())
        let lurah = world.actor("lurah"), envelope = FundingEnvelope.kelurahan(world.kelurahan[0])
        let runId = try world.rankAndRun(envelope, [p, q], by: lurah)
        #expect(try world.service.allocationRunChanges(envelope, cycleId: world.cycle.id, runId: runId, viewer: .actor(lurah)).isEmpty)
        try world.service.reorder(envelope, cycleId: world.cycle.id, moving: q.id, to: 1, note: "Mendesak", by: lurah)
        #expect(try world.service.allocationRunChanges(envelope, cycleId: world.cycle.id, runId: runId, viewer: .actor(lurah))
                == ["peringkat 2 usulan berubah"])
        #expect(throws: DomainError.notInScope) {
            try world.service.allocationRunChanges(envelope, cycleId: world.cycle.id, runId: runId, viewer: .actor(world.actor("lurah1")))
        }
    }

    @Test func meetingDatesAreRealDays() {
        #expect(MeetingDate(text: "2027-02-29") == nil)
        #expect(MeetingDate(text: "2028-02-29")?.displayText == "29 Februari 2028")
        #expect(MeetingDate(text: "15-01-2027") == nil)
        #expect(MeetingDate(WIBTime.date(year: 2027, month: 1, day: 1, hour: 0, minute: 30)).text == "2027-01-01")
    }
}
