import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The kelurahan operator corrects a returned paper form's proposer (name and RT) through `ubah`: the engine decides
/// every rule whatever a screen sends, each refusal writes nothing, and the timeline says what changed.
@Suite("Proposer correction of a returned paper form")
struct ProposerCorrectionTests {
    /// A paper form of kelurahan 0 (Siti Aminah, RT 01/RW 01) returned by its verifier; the clock in the kelurahan stage.
    private func returnedPaperForm(_ world: TestWorld, proposerAccount: AccountID? = nil) throws -> Proposal {
        world.at(.praMusrenbang)
        var new = try world.newProposal()
        new.proposerAccountId = proposerAccount
        let sent = try world.service.submit(new, cycleId: world.cycle.id, by: world.actor("op.kel0"))
        world.at(.kelurahan)
        return try world.service.apply(.kembalikan, to: .id(sent.id), by: world.actor("lurah"), expectedVersion: sent.version,
                                       reason: "RT pengusul salah.")
    }

    private func correction(_ world: TestWorld, _ p: Proposal, name: String = "Siti Aminah Rahayu", rt: RTID? = nil,
                            version: Int64? = nil) throws -> TransitionInput {
        TransitionInput(.ubah, expectedVersion: version ?? p.version, edit: try world.newProposal().content,
                        proposer: ProposerCorrection(name: name, rtId: rt ?? world.rts[world.kelurahan[0]]![3].1))
    }

    /// Refused with `error`, and the proposal and its history are as they were.
    private func expectRefused(_ world: TestWorld, _ p: Proposal, _ input: TransitionInput, by actor: Actor, _ error: DomainError,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let events = try world.service.history(of: .id(p.id)).count
        #expect(throws: error, sourceLocation: sourceLocation) { try world.service.apply(input, to: .id(p.id), by: actor) }
        #expect(try world.service.proposal(.id(p.id)) == p, sourceLocation: sourceLocation)
        #expect(try world.service.history(of: .id(p.id)).count == events, sourceLocation: sourceLocation)
    }

    @Test func theOperatorCorrectsTheNameAndTheRTAndTheTimelineSaysWhatChanged() throws {
        let world = try TestWorld()
        let p = try returnedPaperForm(world)
        let (rw, rt) = world.rts[world.kelurahan[0]]![3]
        let edited = try world.service.apply(try correction(world, p), to: .id(p.id), by: world.actor("op.kel0"))
        #expect(edited.proposerName == "Siti Aminah Rahayu" && edited.origin.rtId == rt && edited.origin.rwId == rw)
        #expect(edited.origin.kelurahanId == p.origin.kelurahanId && edited.state == p.state && edited.version == p.version + 1)
        let stored = try world.service.proposal(.id(p.id))
        #expect(stored.proposerName == "Siti Aminah Rahayu" && stored.origin == edited.origin)
        let event = try #require(try world.service.history(of: .id(p.id)).last)
        #expect(event.action == .ubah && event.actorRole == .operatorKelurahan)
        #expect(event.changes.contains(FieldChange(field: "proposer_name", old: "Siti Aminah", new: "Siti Aminah Rahayu")))
        #expect(event.changes.contains(FieldChange(field: "rt", old: "RT 01/RW 01", new: "RT 02/RW 02")))

        // Staff with full access read the names in the timeline; the public model says only that the name changed.
        let op = Viewer.actor(world.actor("op.kel0"))
        let staff = try world.service.proposalDetail(.id(p.id), viewer: op).publicView.events.last
        #expect(staff?.changes.contains(FieldChange(field: "proposer_name", old: "Siti Aminah", new: "Siti Aminah Rahayu")) == true)
        let published = try world.service.publicProposal(.id(p.id), viewer: op)
        let open = try #require(published.events.last)
        #expect(open.changes.contains(FieldChange(field: "proposer_name", old: "", new: "")))
        #expect(open.changes.contains(FieldChange(field: "rt", old: "RT 01/RW 01", new: "RT 02/RW 02")))
        #expect(published.proposerLabel == "Warga RT 02/RW 02")
    }

    @Test func onlyAPaperFormWithoutAProposerAccount() throws {
        let world = try TestWorld()
        // A resident's own online proposal, returned at the kelurahan: the operator may not touch it at all.
        world.at(.praMusrenbang)
        let warga = world.actor("warga")
        var own = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: warga)
        own = try world.service.apply(.ajukan, to: .id(own.id), by: warga, expectedVersion: own.version)
        own = try world.service.apply(.setujui, to: .id(own.id), by: world.actor("ketua.rt"), expectedVersion: own.version)
        own = try world.service.apply(.setujui, to: .id(own.id), by: world.actor("ketua.rw"), expectedVersion: own.version)
        world.at(.kelurahan)
        own = try world.service.apply(.kembalikan, to: .id(own.id), by: world.actor("lurah"), expectedVersion: own.version, reason: "Lengkapi.")
        try expectRefused(world, own, try correction(world, own), by: world.actor("op.kel0"), .residentsOwnProposal)
        // Nor the resident: their name and RT are their account's.
        try expectRefused(world, own, try correction(world, own), by: warga,
                          .roleNotAllowed(role: .warga, action: Workflow.proposerCorrectionAction))
        // A paper form that names a resident's account follows the account too.
        let linked = try returnedPaperForm(world, proposerAccount: warga.accountId)
        try expectRefused(world, linked, try correction(world, linked), by: world.actor("op.kel0"),
                          .invalidInput(field: "pengusul", detail: "pengusul usulan ini memiliki akun warga; nama dan RT/RW-nya mengikuti akun itu"))
    }

    @Test func onlyWhileReturned() throws {
        let world = try TestWorld()
        let op = world.actor("op.kel0")
        // Waiting for the verifier: no edit at all.
        world.at(.praMusrenbang)
        let waiting = try world.service.submit(try world.newProposal(), cycleId: world.cycle.id, by: op)
        try expectRefused(world, waiting, try correction(world, waiting), by: op,
                          .invalidTransition(from: waiting.state, action: Action.ubah.displayName))
        // The operator's own draft may be edited, but its proposer is corrected only once a verifier returned it.
        let draft = try world.service.create(try world.newProposal(), cycleId: world.cycle.id, by: op)
        try expectRefused(world, draft, try correction(world, draft), by: op,
                          .invalidTransition(from: draft.state, action: Workflow.proposerCorrectionAction))
    }

    @Test func onlyTheOperatorOfThatKelurahanAndAnRTOfIt() throws {
        let world = try TestWorld()
        let p = try returnedPaperForm(world)
        let op = world.actor("op.kel0")
        try expectRefused(world, p, try correction(world, p), by: world.actor("op.kel1"), .notInScope)
        try expectRefused(world, p, try correction(world, p), by: world.actor("lurah"),
                          .roleNotAllowed(role: .verifikatorKelurahan, action: Action.ubah.displayName))
        let foreign = world.rts[world.kelurahan[1]]![0].1
        try expectRefused(world, p, try correction(world, p, rt: foreign), by: op, .invalidFields([FieldError(
            field: "rt", message: "RT/RW yang dipilih bukan bagian dari kelurahan usulan ini; pilih RT/RW pengusul dari daftar.")]))
        try expectRefused(world, p, try correction(world, p, rt: RTID(99_999)), by: op,
                          .invalidFields([FieldError(field: "rt", message: "Pilih RT/RW pengusul dari daftar.")]))
    }

    @Test func aNameIsRequiredAndEveryFieldErrorComesAtOnce() throws {
        let world = try TestWorld()
        let p = try returnedPaperForm(world)
        let op = world.actor("op.kel0")
        let noName = FieldError(field: "proposer_name", message: "Isi nama pengusul: nama warga, atau misalnya \"RT 03/RW 01\".")
        try expectRefused(world, p, try correction(world, p, name: "  \n"), by: op, .invalidFields([noName]))
        var both = try correction(world, p, name: "")
        both.edit?.title = " "
        try expectRefused(world, p, both, by: op, .invalidFields([noName, FieldError(field: "title",
                                                                                          message: "Isi judul usulan, misalnya \"Perbaikan saluran air RT 03\".")]))
    }

    @Test func aChangeMeanwhileIsAConflict() throws {
        let world = try TestWorld()
        let p = try returnedPaperForm(world)
        try expectRefused(world, p, try correction(world, p, version: p.version - 1), by: world.actor("op.kel0"),
                          .staleVersion(expected: p.version - 1, actual: p.version))
    }
}
