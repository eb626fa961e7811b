import Foundation
import Storage
@testable import Musrenbang

/// Helpers of the read tests: more accounts, and a city with proposals in many states, kinds and areas.
extension TestWorld {
    /// Creates an account with one role (and optional personal data) and returns it acting in that role.
    @discardableResult
    func addActor(_ username: String, _ role: Role, _ scope: Scope, displayName: String? = nil, nik: String? = nil,
                  phone: String? = nil, email: String? = nil) throws -> Actor {
        let id = try service.createAccount(username: username, displayName: displayName ?? "Akun \(username)",
                                           roles: [try RoleAssignment(role: role, scope: scope)], password: password,
                                           nik: nik, phone: phone, email: email)
        let actor = Actor(accountId: id, role: role, scope: scope)
        actors[username] = actor
        return actor
    }

    /// Every proposal of the cycle, unscoped (the reference the viewer-scoped reads are checked against).
    func allProposals() throws -> [Proposal] { try service.proposals(ProposalFilter(cycleId: cycle.id)) }

    /// After `seedMixedCity`: the kecamatan accepts kelurahan 0's F2, its berita acara funds one and leaves the other
    /// in F2, which is routed to its OPD and accepted there. Leaves the clock in the OPD forum.
    func advanceToOPD() throws {
        let camat = actor("camat")
        at(.kecamatan)
        for p in try service.proposals(ProposalFilter(cycleId: cycle.id, states: [ProposalState(.kecamatan, .verifikasi)])) {
            _ = try service.apply(.terima, to: .id(p.id), by: camat, expectedVersion: p.version)
        }
        let envelope = FundingEnvelope.kecamatan(kecamatan[0])
        let run = try rankAndRun(envelope, try service.candidates(for: envelope, cycleId: cycle.id), by: camat)
        try service.lockLevel(.kecamatan(kecamatan[0]), cycleId: cycle.id, runId: run, documentNumber: "BA/KEC/001", by: camat)
        for p in try service.proposals(ProposalFilter(cycleId: cycle.id, states: [ProposalState(.kecamatan, .f2)])) {
            _ = try service.apply(.rutekanOPD, to: .id(p.id), by: camat, expectedVersion: p.version)
        }
        at(.opd)
        for p in try service.proposals(ProposalFilter(cycleId: cycle.id, states: [ProposalState(.opd, .verifikasi)])) {
            _ = try service.apply(.terima, to: .id(p.id), by: actor("opd"), expectedVersion: p.version)
        }
    }

    /// Seeds drafts of every kind, residents' online proposals at RT/RW, paper forms, accepted and rejected ones, a
    /// kelurahan berita acara with an F2 passed up (kelurahan 0), and proposals in kecamatan 1. Leaves the clock in
    /// the kelurahan window. Returns the F2 passed up.
    @discardableResult
    func seedMixedCity() throws -> Proposal {
        let warga = actor("warga"), warga2 = actor("warga2"), op0 = actor("op.kel0"), op1 = actor("op.kel1")
        let op2 = try addActor("op.kel2", .operatorKelurahan, .kelurahan(kelurahan[2]))
        let lurah = actor("lurah"), lurah1 = actor("lurah1")
        at(.praMusrenbang)
        _ = try service.create(try newProposal(title: "Draf online warga"), cycleId: cycle.id, by: warga)
        _ = try service.create(try newProposal(title: "Draf online warga dua"), cycleId: cycle.id, by: warga2)
        let online = try service.submit(try newProposal(title: "Usulan online warga"), cycleId: cycle.id, by: warga)
        _ = try service.apply(.setujui, to: .id(online.id), by: actor("ketua.rt"), expectedVersion: online.version)
        _ = try service.create(try newProposal(title: "Draf kertas tanpa akun"), cycleId: cycle.id, by: op0)
        var forWarga = try newProposal(title: "Draf kertas untuk warga")
        forWarga.proposerAccountId = warga.accountId
        _ = try service.create(forWarga, cycleId: cycle.id, by: op0)
        _ = try service.create(try newProposal(kelurahan: 1, title: "Draf kertas kelurahan satu"), cycleId: cycle.id, by: op1)
        _ = try service.submit(try newProposal(kelurahan: 1, title: "Menunggu verifikasi"), cycleId: cycle.id, by: op1)
        let rejected = try service.submit(try newProposal(title: "Akan ditolak"), cycleId: cycle.id, by: op0)
        let other = try service.submit(try newProposal(kelurahan: 1, title: "Kelurahan satu"), cycleId: cycle.id, by: op1)
        _ = try service.submit(try newProposal(kelurahan: 2, item: 1, title: "Kecamatan satu"), cycleId: cycle.id, by: op2)
        _ = try service.create(try newProposal(kelurahan: 2, title: "Draf kecamatan satu"), cycleId: cycle.id, by: op2)
        let funded = try acceptedProposal(volume: 5)
        let passedUp = try acceptedProposal(volume: 5)
        let large = try acceptedProposal(volume: 9)
        at(.kelurahan)
        _ = try service.apply(.tolak, to: .id(rejected.id), by: lurah, expectedVersion: rejected.version, reason: "ganda")
        _ = try service.apply(.terima, to: .id(other.id), by: lurah1, expectedVersion: other.version)
        try service.rank(.kelurahan(kelurahan[0]), cycleId: cycle.id, scores: [
            funded.id: [criteria[0].id: 5, criteria[1].id: 5], passedUp.id: [criteria[0].id: 1, criteria[1].id: 1],
            large.id: [criteria[0].id: 1, criteria[1].id: 1],
        ], by: lurah)
        let run = try service.runAllocation(.kelurahan(kelurahan[0]), cycleId: cycle.id, by: lurah)
        try service.lockLevel(.kelurahan(kelurahan[0]), cycleId: cycle.id, runId: run.runId, documentNumber: "BA/KEL/001", by: lurah)
        return try service.proposal(.id(passedUp.id))
    }
}
