import Foundation
import Testing
@testable import Musrenbang

/// Bappeda sets the group shares (minimums and maximums) of a level or of one envelope; each change is logged.
@Suite struct GroupShareAdministrationTests {
    @Test func sharesAreSetValidatedAndLogged() throws {
        let world = try TestWorld()
        let bappeda = world.actor("bappeda"), cycle = world.cycle.id
        let shares: [GroupShare] = [.minimum(.nonFisik, basisPoints: 4000), GroupShare(group: .fisik, capBasisPoints: 7000)]
        #expect(try world.service.setGroupShares(cycleId: cycle, level: .kelurahan, shares: shares, by: bappeda) == shares)
        let entry = try #require(try world.adminLog().last)
        #expect(entry.entity == .groupShares && entry.entityKey == "kelurahan:semua" && entry.before?["shares"] == .list([]))
        // Every wrong share is named at once, and nothing is written.
        do {
            _ = try world.service.setGroupShares(cycleId: cycle, level: .kelurahan, shares: [
                .minimum(.nonFisik, basisPoints: 12_000), .minimum(.nonFisik, basisPoints: 100), .minimum(.fisik, basisPoints: 9000),
            ], by: bappeda)
            Issue.record("wrong shares were accepted")
        } catch DomainError.invalidFields(let errors) {
            #expect(errors.count == 3, "\(errors)")
        }
        #expect(try world.database.read { db in try CycleRepository(db).groupShares(cycleId: cycle, level: .kelurahan) } == shares)
        try world.expectRefused("role_not_allowed") {
            _ = try world.service.setGroupShares(cycleId: cycle, level: .kelurahan, shares: [], by: world.actor("lurah"))
        }
        // One envelope's own shares; once its berita acara is signed they are locked, and other changes need a reason.
        let own: [GroupShare] = [.minimum(.nonFisik, basisPoints: 5000)]
        _ = try world.service.setGroupShares(cycleId: cycle, level: .kelurahan, ownerId: world.kelurahan[1].rawValue, shares: own, by: bappeda)
        world.at(.kelurahan)
        try world.service.lockLevel(.kelurahan(world.kelurahan[1]), cycleId: cycle, documentNumber: "BA/K1", by: world.actor("lurah1"))
        try world.expectRefused("level_locked") {
            _ = try world.service.setGroupShares(cycleId: cycle, level: .kelurahan, ownerId: world.kelurahan[1].rawValue, shares: [],
                                                 reason: "revisi", by: bappeda)
        }
        try world.expectRefused("reason_required") {
            _ = try world.service.setGroupShares(cycleId: cycle, level: .kelurahan, shares: [], by: bappeda)
        }
        _ = try world.service.setGroupShares(cycleId: cycle, level: .kelurahan, shares: [], reason: "keputusan pengarah", by: bappeda)
        #expect(try world.adminLog().last?.reason == "keputusan pengarah")
    }
}
