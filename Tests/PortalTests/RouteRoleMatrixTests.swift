import Foundation
import Musrenbang
@testable import Portal
import Testing

/// Every page of the portal for every kind of visitor: who gets the page, who is sent to sign in, who is refused
/// (403) and who is told nothing is there (404). A table, so a new route or role that forgets its check shows here.
@Suite struct RouteRoleMatrixTests {
    @Test func everyPageForEveryVisitor() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let proposal = try scene.propose("Saluran Gang Melati", by: scene.ani)
        let code = proposal.trackingCode.description
        // Visitors: nobody, a resident (the proposer, another), the RT head, the operator acting as operator.
        let visitors: [(name: String, username: String?)] = [("tamu", nil), ("ani", "ani"), ("budi", "budi"), ("rt01", "rt01"),
                                                             ("op.pk", "op.pk")]
        // Expected status per page and visitor, in the order of `visitors`.
        let table: [(path: String, statuses: [Int])] = [
            ("/", [200, 200, 200, 200, 200]),
            ("/masuk", [200, 303, 303, 303, 303]),
            ("/daftar", [200, 303, 303, 303, 303]),
            ("/peran", [303, 200, 200, 200, 200]),
            ("/usulan/baru", [303, 200, 200, 403, 403]),
            ("/usulan/saya", [303, 200, 200, 403, 403]),
            ("/usulan/saya/\(code)", [303, 200, 404, 403, 403]),
            ("/usulan/\(code)/ubah", [303, 409, 404, 403, 403]),
            ("/kerja/persetujuan", [303, 403, 403, 200, 403]),
            ("/kerja/persetujuan/\(code)", [303, 403, 403, 200, 403]),
            ("/tidak-ada", [404, 404, 404, 404, 404]),
        ]
        var failures: [String] = []
        for (index, visitor) in visitors.enumerated() {
            let browser = world.browser(address: "10.2.0.\(index):1")
            if let username = visitor.username {
                try browser.signIn(username, world.password)
                if username == "op.pk" {
                    _ = try browser.post("/peran", [("peran", "operator_kelurahan|kelurahan:\(world.kelurahan.rawValue)"), ("kembali", "/")],
                                         csrf: try browser.get("/peran").csrf)
                }
            }
            for row in table {
                let status = try browser.get(row.path).status
                if status != row.statuses[index] { failures.append("\(visitor.name) GET \(row.path): \(status), expected \(row.statuses[index])") }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
