import Foundation
import HTTPServer
import Musrenbang

/// `/kerja/verifikasi/siklus-lalu`: for the kecamatan's verifiers, last cycle's unfunded proposals of the kecamatan
/// (read by the engine, which also checks the scope). Other verifiers get 403 with the rule.
extension Portal {
    static let lastCycleRule = "Daftar usulan tak terdanai siklus lalu disiapkan untuk Musrenbang kecamatan: hanya Operator Kecamatan dan Camat."

    func lastCycleUnfundedRoutes(_ routes: inout RouteTable) {
        routes.get(VerificationPaths.lastCycle) { [self] request in
            handle(request) { context in
                let verifier = try Verifier(context)
                guard case .kecamatan(let kecamatanId) = verifier.unit else { throw PortalError.forbidden(Self.lastCycleRule) }
                let current = try service.currentCycle()
                let previous = try current.flatMap { cycle in
                    try service.database.read { db in try CycleRepository(db).cycle(kotaId: cycle.kotaId, budgetYear: cycle.budgetYear - 1) }
                }
                let rows = try previous.map { try service.unfundedProposals(cycleId: $0.id, kecamatanId: kecamatanId, viewer: .actor(verifier.actor)) } ?? []
                let names = try service.database.read { db in
                    Dictionary(uniqueKeysWithValues: try WilayahRepository(db).kelurahanList(kecamatanId: kecamatanId).map { ($0.id, $0.name) })
                }
                return page("Usulan tak terdanai siklus lalu", context,
                            LastCycleUnfundedView.render(previous: previous, rows: rows, kelurahanNames: names))
            }
        }
    }
}
