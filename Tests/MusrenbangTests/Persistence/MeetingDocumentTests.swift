import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The documents of a kelurahan's Musrenbang: kinds by their bytes, every field error at once, the operator of the
/// kelurahan adds them, the staff covering the kelurahan read them, everyone else is refused (404 for reads).
@Suite("Meeting documents")
struct MeetingDocumentTests {
    static let pdf: [UInt8] = Array("%PDF-1.4\nberita acara".utf8)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array("foto rapat".utf8)

    @Test func theOperatorAddsTheStaffOfTheKelurahanReadAndTheBytesComeBack() throws {
        let world = try TestWorld()
        let k0 = world.kelurahan[0]
        let op = world.actor("op.kel0")
        let stored = try world.service.addMeetingDocument(cycleId: world.cycle.id, kelurahanId: k0, kind: .beritaAcara,
                                                          title: "  Berita acara Musrenbang  ", fileName: "C:\\scan\\BA.pdf",
                                                          bytes: Self.pdf, by: op)
        #expect(stored.title == "Berita acara Musrenbang" && stored.fileName == "BA.pdf" && stored.mediaType == "application/pdf")
        #expect(stored.byteCount == Int64(Self.pdf.count) && stored.sha256 == SHA256.hexDigest(Self.pdf))
        let photo = try world.service.addMeetingDocument(cycleId: world.cycle.id, kelurahanId: k0, kind: .fotoKegiatan, title: "Foto",
                                                         fileName: "rapat.jpg", bytes: Self.jpeg, by: op)
        for reader in ["op.kel0", "lurah", "camat", "bappeda"] {
            let list = try world.service.meetingDocuments(cycleId: world.cycle.id, kelurahanId: k0, viewer: world.actor(reader))
            #expect(list.map(\.id) == [stored.id, photo.id], "\(reader)")
            let file = try world.service.meetingDocumentFile(stored.id, viewer: world.actor(reader))
            #expect(file.bytes == Self.pdf && file.document == stored, "\(reader)")
        }
        // Another kelurahan's list stays empty.
        #expect(try world.service.meetingDocuments(cycleId: world.cycle.id, kelurahanId: world.kelurahan[1], viewer: world.actor("op.kel1")).isEmpty)
    }

    @Test func othersMayNeitherAddNorRead() throws {
        let world = try TestWorld()
        let k0 = world.kelurahan[0]
        let stored = try world.service.addMeetingDocument(cycleId: world.cycle.id, kelurahanId: k0, kind: .undangan, title: "Undangan",
                                                          fileName: "u.pdf", bytes: Self.pdf, by: world.actor("op.kel0"))
        #expect(throws: DomainError.notInScope) {
            try world.service.addMeetingDocument(cycleId: world.cycle.id, kelurahanId: k0, kind: .undangan, title: "x", fileName: "u.pdf",
                                                 bytes: Self.pdf, by: world.actor("op.kel1"))
        }
        for name in ["lurah", "camat", "warga", "ketua.rt", "bappeda"] {
            let actor = world.actor(name)
            #expect(throws: DomainError.roleNotAllowed(role: actor.role, action: "unggah dokumen musrenbang"), "\(name)") {
                try world.service.addMeetingDocument(cycleId: world.cycle.id, kelurahanId: k0, kind: .undangan, title: "x", fileName: "u.pdf",
                                                     bytes: Self.pdf, by: actor)
            }
        }
        for name in ["op.kel1", "lurah1", "warga", "ketua.rt", "ketua.rw", "opd", "admin"] {
            #expect(throws: PersistenceError.notFound("dokumen \(stored.id)"), "\(name)") {
                try world.service.meetingDocumentFile(stored.id, viewer: world.actor(name))
            }
            #expect(throws: DomainError.notInScope, "\(name)") {
                try world.service.meetingDocuments(cycleId: world.cycle.id, kelurahanId: k0, viewer: world.actor(name))
            }
        }
        // The camat of the other kecamatan does not read them either.
        let otherCamat = Actor(accountId: world.actor("camat").accountId, role: .camat, scope: .kecamatan(world.kecamatan[1]))
        #expect(throws: PersistenceError.notFound("dokumen \(stored.id)")) {
            try world.service.meetingDocumentFile(stored.id, viewer: otherCamat)
        }
    }

    @Test func everyFieldErrorAtOnceAndNothingStored() throws {
        let world = try TestWorld()
        let k0 = world.kelurahan[0], op = world.actor("op.kel0")
        do {
            try world.service.addMeetingDocument(cycleId: world.cycle.id, kelurahanId: k0, kind: .daftarHadir, title: "  ",
                                                 fileName: "x.gif", bytes: Array("GIF89a".utf8), by: op)
            Issue.record("refused input was stored")
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.map(\.field) == ["judul", "berkas"])
        }
        #expect(throws: DomainError.self) {
            try world.service.addMeetingDocument(cycleId: world.cycle.id, kelurahanId: k0, kind: .daftarHadir, title: "Daftar hadir",
                                                 fileName: "x.pdf", bytes: [], by: op)
        }
        let big = Self.pdf + [UInt8](repeating: 0x20, count: MeetingDocumentRules.maxBytes)
        #expect(throws: DomainError.self) {
            try world.service.addMeetingDocument(cycleId: world.cycle.id, kelurahanId: k0, kind: .daftarHadir, title: "Daftar hadir",
                                                 fileName: "x.pdf", bytes: big, by: op)
        }
        #expect(try world.service.meetingDocuments(cycleId: world.cycle.id, kelurahanId: k0, viewer: op).isEmpty)
    }
}
