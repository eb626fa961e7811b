import Foundation
@testable import Musrenbang
@testable import Portal
import Storage
import Testing

/// Every route of the kelurahan operator's workspace against every kind of visitor: no session, a resident, staff of
/// another role (the Ketua RT, the kelurahan's verifier), the operator of another kelurahan, the operator in scope.
@Suite("Kelurahan operator routes: who gets what")
struct OperatorRouteAuthorizationTests {
    @Test func everyRouteTimesEveryVisitor() throws {
        let world = try PortalWorld()
        let scene = try world.operators()
        // Something to act on: a paper-form proposal and a meeting document of Pondok Karya.
        let proposal = try world.service.submit(NewProposal(
            origin: Origin(kecamatanId: world.kecamatan, kelurahanId: world.kelurahan, rwId: scene.residents.rw, rtId: scene.residents.rt),
            proposerAccountId: nil, proposerName: "Pak Slamet", title: "Jalan", problem: "Rusak", kamusId: scene.residents.kamus, volume: 3,
            locationText: "Gang A", beneficiaries: 4), cycleId: scene.residents.cycleId, by: scene.operatorActor)
        let document = try world.service.addMeetingDocument(cycleId: scene.residents.cycleId, kelurahanId: world.kelurahan, kind: .undangan,
                                                            title: "Undangan", fileName: "u.pdf", bytes: OperatorScene.pdf, by: scene.operatorActor)
        let visitors = ["", "ani", "rt01", "verif1", "op2", "op1"]
        let pdf = MultipartFile(field: "berkas", fileName: "u.pdf", contentType: "application/pdf", bytes: OperatorScene.pdf)
        let png = MultipartFile(field: "lampiran", fileName: "x.png", contentType: "image/png", bytes: OperatorScene.png)
        typealias Request = (TestBrowser, String?) throws -> TestBrowser.Page
        let routes: [(String, Request, [Int])] = [
            ("GET /kerja/formulir", { b, _ in try b.get("/kerja/formulir") }, [303, 403, 403, 403, 200, 200]),
            ("POST /kerja/formulir", { b, csrf in try b.postMultipart("/kerja/formulir", [("nama_pengusul", "")], files: [], csrf: csrf) },
             [303, 403, 403, 403, 422, 422]),
            ("GET /kerja/formulir/dikembalikan", { b, _ in try b.get("/kerja/formulir/dikembalikan") }, [303, 403, 403, 403, 200, 200]),
            // The proposal waits for verification: not returned (409) to its operator, unseen (404) by another kelurahan's.
            ("GET /kerja/formulir/dikembalikan/{kode}", { b, _ in try b.get("/kerja/formulir/dikembalikan/\(proposal.trackingCode)") },
             [303, 403, 403, 403, 404, 409]),
            ("POST /kerja/formulir/dikembalikan/{kode}", { b, csrf in
                try b.post("/kerja/formulir/dikembalikan/\(proposal.trackingCode)", [("title", "Jalan baru")], csrf: csrf)
            }, [303, 403, 403, 403, 404, 409]),
            ("GET /kerja/impor", { b, _ in try b.get("/kerja/impor") }, [303, 403, 403, 403, 200, 200]),
            ("GET /kerja/impor/template.csv", { b, _ in try b.get("/kerja/impor/template.csv") }, [303, 403, 403, 403, 200, 200]),
            ("POST /kerja/impor", { b, csrf in try b.postMultipart("/kerja/impor", [], files: [], csrf: csrf) }, [303, 403, 403, 403, 422, 422]),
            ("POST /kerja/impor/konfirmasi", { b, csrf in try b.post("/kerja/impor/konfirmasi", [("berkas_token", "x")], csrf: csrf) },
             [303, 403, 403, 403, 409, 409]),
            ("GET /kerja/dokumen", { b, _ in try b.get("/kerja/dokumen") }, [303, 403, 403, 403, 200, 200]),
            ("POST /kerja/dokumen", { b, csrf in try b.postMultipart("/kerja/dokumen", [("jenis", "undangan"), ("judul", "U")], files: [pdf], csrf: csrf) },
             [303, 403, 403, 403, 303, 303]),
            ("POST /kerja/dokumen/usulan", { b, csrf in
                try b.postMultipart("/kerja/dokumen/usulan", [("kode", proposal.trackingCode.description)], files: [png], csrf: csrf)
            }, [303, 403, 403, 403, 422, 303]),
            ("GET /kerja/dokumen/{id}", { b, _ in try b.get("/kerja/dokumen/\(document.id.rawValue)") }, [303, 404, 404, 200, 404, 200]),
        ]
        for (name, request, expected) in routes {
            for (index, visitor) in visitors.enumerated() {
                let browser = world.browser(address: "10.0.3.\(index):1")
                var csrf = try browser.get("/masuk").csrf
                if !visitor.isEmpty {
                    try browser.signIn(visitor, world.password)
                    csrf = try browser.get("/").csrf
                }
                let page = try request(browser, csrf)
                #expect(page.status == expected[index], "\(name) as \(visitor.isEmpty ? "no session" : visitor)")
                if page.status == 303 && visitor.isEmpty { #expect(page.location?.hasPrefix("/masuk?kembali=") == true, "\(name)") }
            }
        }
    }
}
