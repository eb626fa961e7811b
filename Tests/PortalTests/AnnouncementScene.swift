import Foundation
import Musrenbang
@testable import Portal
import Storage

/// The announcements' side of the test city: a second kelurahan (Cempaka Putih) in Ciputat Timur, a perangkat daerah,
/// and the staff who write announcements: the operators of Pondok Karya (`op1`) and Cempaka Putih (`op2`), the camat
/// of Ciputat Timur (`camat`), the verifier of Dinkes (`opd1`) and Bappeda (`bappeda`).
struct AnnouncementScene {
    let world: PortalWorld
    let otherKelurahan: KelurahanID
    let opd: OPDID
    var pondokKarya: AnnouncementArea { .kelurahan(world.kelurahan) }
    var cempakaPutih: AnnouncementArea { .kelurahan(otherKelurahan) }
    var ciputatTimur: AnnouncementArea { .kecamatan(world.kecamatan) }

    static let pdf: [UInt8] = Array("%PDF-1.4\npanduan teknis Musrenbang".utf8)

    init(_ world: PortalWorld) throws {
        self.world = world
        (otherKelurahan, opd) = try world.database.write { db in
            let other = try WilayahRepository(db).insertKelurahan(kecamatanId: world.kecamatan, code: "CP", name: "Cempaka Putih")
            return (other, try CatalogRepository(db).insertOPD(code: "DINKES", name: "Dinas Kesehatan", shortName: "Dinkes"))
        }
        let accounts: [(String, Role, Scope)] = [
            ("op1", .operatorKelurahan, .kelurahan(world.kelurahan)), ("op2", .operatorKelurahan, .kelurahan(otherKelurahan)),
            ("camat", .camat, .kecamatan(world.kecamatan)), ("opd1", .verifikatorOPD, .opd(opd)), ("bappeda", .bappeda, .kota),
        ]
        for (name, role, scope) in accounts {
            try world.service.createAccount(username: name, displayName: "Petugas \(name)", roles: [try RoleAssignment(role: role, scope: scope)],
                                            password: world.password)
        }
    }

    /// A browser signed in as `username`.
    func browser(_ username: String, address: String = "10.0.9.1:1") throws -> TestBrowser {
        let browser = world.browser(address: address)
        try browser.signIn(username, world.password)
        return browser
    }

    /// The fields of a meeting's form.
    static func meeting(title: String = "Musrenbang Kelurahan Pondok Karya", day: String = "2027-01-12", start: String = "09:00",
                        end: String = "12:00", place: String = "Aula Kantor Kelurahan", stage: Stage = .kelurahan,
                        body: String = "Mohon hadir tepat waktu.", action: String = "draf") -> [(String, String)] {
        [("jenis", "jadwal_rapat"), ("judul", title), ("isi", body), ("tingkat", stage.rawValue), ("tanggal", day), ("mulai", start),
         ("selesai", end), ("tempat", place), ("undangan", "Ketua RT/RW, LPM, tokoh masyarakat"), ("aksi", action)]
    }

    /// Sends the new announcement form as `browser`; the answer.
    func create(_ browser: TestBrowser, _ fields: [(String, String)], files: [MultipartFile] = []) throws -> TestBrowser.Page {
        let form = try browser.get("/kerja/pengumuman/baru")
        return try browser.postMultipart("/kerja/pengumuman/baru", fields, files: files, csrf: form.csrf)
    }

    /// Creates an announcement through the form and returns its id (from the redirect).
    func created(_ browser: TestBrowser, _ fields: [(String, String)], files: [MultipartFile] = []) throws -> AnnouncementID {
        let page = try create(browser, fields, files: files)
        guard page.status == 303, let location = page.location, let id = Int64(location.split(separator: "/").last ?? "") else {
            throw Failure("not created: \(page.status) \(page.body.prefix(2000))")
        }
        return AnnouncementID(id)
    }

    func stored(_ id: AnnouncementID) throws -> Announcement {
        try world.service.announcement(id, viewer: .actor(Actor(accountId: AccountID(0), role: .bappeda, scope: .kota)))
    }

    func count() throws -> Int64 { try world.database.read { db in try db.scalar("SELECT count(*) FROM announcements") ?? 0 } }

    struct Failure: Error, CustomStringConvertible { let description: String; init(_ text: String) { description = text } }
}

extension PortalWorld {
    func announcements() throws -> AnnouncementScene { try AnnouncementScene(self) }
}
