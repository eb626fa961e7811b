import Foundation
import Testing
@testable import Musrenbang

@Suite struct WorkflowTests {
    let context = WorkflowContext(cycle: Fixture.cycle)

    /// `Workflow.apply`; an allocation outcome through `Workflow.transition`, the table path the berita acara uses.
    private func apply(_ input: TransitionInput, _ proposal: Proposal, _ role: Role, at stage: Stage,
                       context: WorkflowContext? = nil) throws(DomainError) -> TransitionResult {
        let allocation = input.action == .alokasiF1 || input.action == .alokasiF2
        return allocation
            ? try Workflow.transition(input, to: proposal, by: Fixture.actor(role, inScope: true), at: Fixture.inside(stage),
                                      context: context ?? self.context)
            : try Workflow.apply(input, to: proposal, by: Fixture.actor(role, inScope: true), at: Fixture.inside(stage),
                                 context: context ?? self.context)
    }

    @Test func fullJourneyFromDraftToRKPD() throws {
        let new = NewProposal(origin: Fixture.origin, proposerAccountId: nil, proposerName: "Siti Aminah",
                              title: "Betonisasi Jl. Mawar", problem: "Jalan rusak", kamusId: Fixture.kamus.id, volume: 100,
                              locationText: "Jl. Mawar", beneficiaries: 120)
        var history: [ProposalEvent] = []
        let created = try Workflow.create(new, kamus: Fixture.kamus, id: ProposalID(9), trackingCode: Fixture.code(9),
                                          by: Fixture.actor(.warga, inScope: true), at: Fixture.inside(.praMusrenbang),
                                          cycle: Fixture.cycle)
        #expect(created.proposal.cost == 150_000_000)
        #expect(created.proposal.proposerAccountId == Fixture.resident)
        history.append(created.event)
        var p = created.proposal
        let steps: [(Action, Role, Stage, ProposalState)] = [
            (.ajukan, .warga, .praMusrenbang, ProposalState(.praMusrenbang, .diajukan)),
            (.setujui, .ketuaRT, .praMusrenbang, ProposalState(.praMusrenbang, .disetujuiRT)),
            (.setujui, .ketuaRW, .praMusrenbang, ProposalState(.kelurahan, .verifikasi)),
            (.terima, .verifikatorKelurahan, .kelurahan, ProposalState(.kelurahan, .diterima)),
            (.alokasiF2, .verifikatorKelurahan, .kelurahan, ProposalState(.kecamatan, .verifikasi)),
            (.terima, .camat, .kecamatan, ProposalState(.kecamatan, .diterima)),
            (.rutekanOPD, .operatorKecamatan, .kecamatan, ProposalState(.opd, .verifikasi)),
            (.terima, .verifikatorOPD, .opd, ProposalState(.opd, .diterima)),
            (.alokasiF1, .verifikatorOPD, .opd, ProposalState(.opd, .didanai)),
            (.tetapkan, .bappeda, .kota, ProposalState(.kota, .ditetapkan)),
        ]
        for (action, role, stage, expected) in steps {
            let result = try apply(TransitionInput(action, expectedVersion: p.version), p, role, at: stage)
            #expect(result.proposal.state == expected)
            #expect(result.event.from == p.state && result.event.to == expected)
            history.append(result.event)
            p = result.proposal
        }
        #expect(p.envelope == .opd(Fixture.opd))
        #expect(p.routedOPDId == Fixture.opd)
        #expect(p.version == 11)
        #expect(p.submittedAt == Fixture.inside(.praMusrenbang))
        #expect(history.map(\.versionAfter) == Array(1...11))
    }

    @Test func staleVersionIsRefusedBeforeAnythingElse() {
        let p = Fixture.proposal(ProposalState(.kelurahan, .verifikasi), version: 5)
        for stale in [Int64(1), 4, 6] {
            #expect(throws: DomainError.staleVersion(expected: stale, actual: 5)) {
                try apply(TransitionInput(.terima, expectedVersion: stale), p, .verifikatorKelurahan, at: .kelurahan)
            }
        }
        // Two verifiers load version 5; the first wins, the second is told it changed.
        let first = try? apply(TransitionInput(.terima, expectedVersion: 5), p, .verifikatorKelurahan, at: .kelurahan)
        #expect(first != nil)
        #expect(throws: DomainError.staleVersion(expected: 5, actual: 6)) {
            try apply(TransitionInput(.tolak, expectedVersion: 5, reason: "x"), first!.proposal, .verifikatorKelurahan, at: .kelurahan)
        }
    }

    @Test func changedCostBelowSSHIsRefusedAndAboveToleranceFlagged() throws {
        let p = Fixture.proposal(ProposalState(.kecamatan, .verifikasi), volume: 100)
        func accept(volume: Int64, cost: Int64) throws(DomainError) -> TransitionResult {
            try apply(TransitionInput(.terimaDenganPerubahan, expectedVersion: p.version, reason: "volume disesuaikan",
                                      change: ValueChange(volume: volume, cost: cost)), p, .camat, at: .kecamatan)
        }
        #expect(throws: DomainError.costBelowSSH(cost: 80 * 1_500_000 - 1, minimum: 80 * 1_500_000)) {
            try accept(volume: 80, cost: 80 * 1_500_000 - 1)
        }
        let exact = try accept(volume: 80, cost: 120_000_000)
        #expect(exact.event.flags.isEmpty)
        #expect(exact.proposal.recommendations[.kecamatan]?.cost == 120_000_000)
        #expect(exact.proposal.volume == 100 && exact.proposal.cost == 150_000_000, "original kept")
        #expect(exact.proposal.effectiveCost == 120_000_000)
        #expect(exact.event.changes.contains(FieldChange(field: "cost_kecamatan", old: "150000000", new: "120000000")))
        let atTolerance = try accept(volume: 80, cost: 132_000_000)  // exactly +10%
        #expect(atTolerance.event.flags.isEmpty)
        let above = try accept(volume: 80, cost: 132_000_001)
        #expect(above.event.flags == [.costAboveTolerance])
        #expect(above.proposal.recommendations[.kecamatan]?.flaggedAboveTolerance == true)
        #expect(throws: DomainError.changeRequired) { try accept(volume: 100, cost: 150_000_000) }
        #expect(throws: DomainError.invalidInput(field: "volume", detail: "volume harus lebih dari 0")) { try accept(volume: 0, cost: 0) }
    }

    @Test func recommendationsOfEachLevelAreKeptSideBySide() throws {
        var p = Fixture.proposal(ProposalState(.kelurahan, .verifikasi))
        p = try apply(TransitionInput(.terimaDenganPerubahan, expectedVersion: p.version, reason: "lurah",
                                      change: ValueChange(volume: 90, cost: 135_000_000)), p, .verifikatorKelurahan, at: .kelurahan).proposal
        p = try apply(TransitionInput(.alokasiF2, expectedVersion: p.version), p, .verifikatorKelurahan, at: .kelurahan).proposal
        p = try apply(TransitionInput(.terimaDenganPerubahan, expectedVersion: p.version, reason: "camat",
                                      change: ValueChange(volume: 80, cost: 125_000_000)), p, .camat, at: .kecamatan).proposal
        #expect(p.recommendations[.kelurahan]?.volume == 90)
        #expect(p.recommendations[.kecamatan]?.volume == 80)
        #expect(p.recommendations[.kecamatan]?.note == "camat")
        #expect(p.volume == 100)
        #expect(p.effectiveVolume == 80 && p.effectiveCost == 125_000_000)
    }

    @Test func lockedLevelChangesOnlyThroughBappedaAndIsFlagged() throws {
        let p = Fixture.proposal(ProposalState(.kelurahan, .diterima))
        let locked = WorkflowContext(cycle: Fixture.cycle, locks: [.kelurahan(Fixture.kelurahan)])
        #expect(throws: DomainError.levelLocked(.kelurahan(Fixture.kelurahan))) {
            try apply(TransitionInput(.alokasiF1, expectedVersion: p.version, reason: "muat"), p, .verifikatorKelurahan,
                      at: .kelurahan, context: locked)
        }
        let corrected = try Workflow.apply(
            TransitionInput(.koreksi, expectedVersion: p.version, reason: "salah input pagu",
                            change: ValueChange(volume: 90, cost: 135_000_000), target: ProposalState(.kecamatan, .verifikasi)),
            to: p, by: Fixture.actor(.bappeda, inScope: true), at: Fixture.outside, context: locked)
        #expect(corrected.proposal.state == ProposalState(.kecamatan, .verifikasi))
        #expect(corrected.proposal.envelope == nil)
        #expect(corrected.event.flags.contains(.lockedLevelCorrected))
        #expect(corrected.proposal.recommendations[.kota]?.volume == 90)
        #expect(throws: DomainError.invalidInput(field: "status tujuan", detail: "pra_musrenbang:draft")) {
            try Workflow.apply(TransitionInput(.koreksi, expectedVersion: p.version, reason: "x",
                                               target: ProposalState(.praMusrenbang, .draft)),
                               to: p, by: Fixture.actor(.bappeda, inScope: true), at: Fixture.outside, context: locked)
        }
    }

    @Test func editRecomputesCostAndRecordsChanges() throws {
        let p = Fixture.proposal(ProposalState(.praMusrenbang, .draft))
        let result = try apply(TransitionInput(.ubah, expectedVersion: p.version, edit: Fixture.edit(volume: 120)), p, .warga,
                               at: .praMusrenbang)
        #expect(result.proposal.cost == 120 * 1_500_000)
        #expect(result.event.changes.contains(FieldChange(field: "volume", old: "100", new: "120")))
        #expect(result.event.changes.contains(FieldChange(field: "cost", old: "150000000", new: "180000000")))
        #expect(throws: DomainError.missingInput(field: "data usulan")) {
            try apply(TransitionInput(.ubah, expectedVersion: p.version), p, .warga, at: .praMusrenbang)
        }
    }

    /// A saved paper form waits in kelurahan:verifikasi, where the table has no `ubah`: the operator cannot correct it
    /// there; the verifier returns it (kembalikan) and then the operator may edit and send it again.
    @Test func anOperatorCorrectsItsPaperFormOnlyAfterTheVerifierReturnsIt() throws {
        let waiting = Fixture.proposal(ProposalState(.kelurahan, .verifikasi))
        #expect(throws: DomainError.invalidTransition(from: waiting.state, action: "ubah usulan")) {
            try apply(TransitionInput(.ubah, expectedVersion: waiting.version, edit: Fixture.edit()), waiting, .operatorKelurahan,
                      at: .kelurahan)
        }
        let returned = Fixture.proposal(ProposalState(.kelurahan, .dikembalikan))
        let edited = try apply(TransitionInput(.ubah, expectedVersion: returned.version, edit: Fixture.edit(volume: 130)), returned,
                               .operatorKelurahan, at: .kelurahan)
        #expect(edited.proposal.volume == 130 && edited.proposal.state == returned.state)
    }

    @Test func residentCannotEditAnotherResidentsProposal() {
        let p = Fixture.proposal(ProposalState(.praMusrenbang, .draft))
        #expect(throws: DomainError.notInScope) {
            try Workflow.apply(TransitionInput(.ubah, expectedVersion: p.version, edit: Fixture.edit()), to: p,
                               by: Fixture.actor(.warga, inScope: false), at: Fixture.inside(.praMusrenbang), context: context)
        }
    }

    @Test func createChecksRoleScopeWindowAndInputs() {
        let new = NewProposal(origin: Fixture.origin, proposerAccountId: nil, proposerName: "Pak Budi", title: "Pelatihan UMKM",
                              problem: "Usaha warga kecil", kamusId: Fixture.kamus.id, volume: 2, locationText: "Balai warga",
                              beneficiaries: 30)
        func create(_ actor: Actor, at now: Date = Fixture.inside(.praMusrenbang), _ n: NewProposal? = nil) throws(DomainError) -> TransitionResult {
            try Workflow.create(n ?? new, kamus: Fixture.kamus, id: ProposalID(1), trackingCode: Fixture.code(1), by: actor, at: now, cycle: Fixture.cycle)
        }
        #expect(throws: DomainError.roleNotAllowed(role: .camat, action: "buat usulan")) { try create(Fixture.actor(.camat, inScope: true)) }
        #expect(throws: DomainError.notInScope) { try create(Fixture.actor(.operatorKelurahan, inScope: false)) }
        #expect(throws: DomainError.outsideWindow(stage: .praMusrenbang, window: Fixture.cycle.windows[.praMusrenbang])) {
            try create(Fixture.actor(.warga, inScope: true), at: Fixture.inside(.kelurahan))
        }
        var noTitle = new
        noTitle.content.title = "  "
        #expect(throws: DomainError.invalidFields([FieldError(field: "title", message: "Isi judul usulan, misalnya \"Perbaikan saluran air RT 03\".")])) {
            try create(Fixture.actor(.warga, inScope: true), noTitle)
        }
        var noRT = new
        noRT.origin.rtId = nil
        #expect(throws: DomainError.missingInput(field: "RT/RW")) { try create(Fixture.actor(.warga, inScope: true), noRT) }
        let byOperator = try? create(Fixture.actor(.operatorKelurahan, inScope: true), noRT)
        #expect(byOperator?.proposal.proposerAccountId == nil)
        #expect(byOperator?.proposal.proposerName == "Pak Budi")
        #expect(byOperator?.event.action == .buat)
    }

    /// The delegates' live entry at the kelurahan Musrenbang: created and submitted into the kelurahan verification in
    /// one step, only by the kelurahan's operator, only as a live entry, only in that window and before the lock.
    @Test func theDelegatesLiveEntryGoesStraightToTheKelurahanVerification() throws {
        var new = NewProposal(origin: Fixture.origin, proposerAccountId: nil, proposerName: "Bu Ani", title: "Lampu jalan",
                              problem: "Gang gelap", kamusId: Fixture.kamus.id, volume: 2, locationText: "Gang Mawar", beneficiaries: 40)
        new.channel = .liveMeeting
        let meeting = Fixture.inside(.kelurahan)
        func enter(_ actor: Actor = Fixture.actor(.operatorKelurahan, inScope: true), at now: Date = meeting, _ n: NewProposal? = nil,
                   locks: Set<LockKey> = []) throws(DomainError) -> (created: TransitionResult, submitted: TransitionResult) {
            try Workflow.enterLive(n ?? new, kamus: Fixture.kamus, id: ProposalID(1), trackingCode: Fixture.code(1), by: actor, at: now,
                                   context: WorkflowContext(cycle: Fixture.cycle, locks: locks))
        }
        let entered = try enter()
        #expect(entered.submitted.proposal.state == ProposalState(.kelurahan, .verifikasi))
        #expect(entered.submitted.proposal.submittedAt == meeting && entered.submitted.proposal.version == 2)
        #expect(entered.created.event.action == .buat && entered.created.event.note == EntryChannel.liveMeeting.displayName)
        #expect(entered.submitted.event.action == .ajukan && entered.submitted.event.from == ProposalState(.praMusrenbang, .draft))
        #expect(Workflow.isLiveEntryAtKelurahanMeeting(new, by: Fixture.actor(.operatorKelurahan, inScope: true), at: meeting, cycle: Fixture.cycle))
        #expect(!Workflow.isLiveEntryAtKelurahanMeeting(new, by: Fixture.actor(.operatorKelurahan, inScope: true),
                                                        at: Fixture.inside(.praMusrenbang), cycle: Fixture.cycle))

        #expect(throws: DomainError.roleNotAllowed(role: .warga, action: "buat usulan")) { try enter(Fixture.actor(.warga, inScope: true)) }
        #expect(throws: DomainError.notInScope) { try enter(Fixture.actor(.operatorKelurahan, inScope: false)) }
        var paper = new
        paper.channel = .paperForm
        #expect(throws: DomainError.self) { try enter(at: meeting, paper) }
        #expect(throws: DomainError.outsideWindow(stage: .kelurahan, window: Fixture.cycle.windows[.kelurahan])) {
            try enter(at: Fixture.inside(.kecamatan))
        }
        let lock = LockKey.kelurahan(Fixture.origin.kelurahanId)
        #expect(throws: DomainError.levelLocked(lock)) { try enter(locks: [lock]) }
    }

    @Test func windowExtensionIsLoggedAndOpensTheStage() throws {
        let late = Fixture.cycle.windows[.kelurahan]!.closesAt.addingTimeInterval(3 * 86_400)
        let p = Fixture.proposal(ProposalState(.kelurahan, .verifikasi))
        let bappeda = Fixture.actor(.bappeda, inScope: true)
        #expect(throws: DomainError.outsideWindow(stage: .kelurahan, window: Fixture.cycle.windows[.kelurahan])) {
            try Workflow.apply(TransitionInput(.terima, expectedVersion: p.version), to: p,
                               by: Fixture.actor(.verifikatorKelurahan, inScope: true), at: late, context: context)
        }
        let newClose = late.addingTimeInterval(86_400)
        let (extended, entry) = try Fixture.cycle.extending(.kelurahan, to: newClose, reason: "banjir", by: bappeda, at: late)
        #expect(entry.previousClosesAt == Fixture.cycle.windows[.kelurahan]!.closesAt)
        #expect(extended.extensions == [entry])
        let ok = try Workflow.apply(TransitionInput(.terima, expectedVersion: p.version), to: p,
                                    by: Fixture.actor(.verifikatorKelurahan, inScope: true), at: late,
                                    context: WorkflowContext(cycle: extended))
        #expect(ok.proposal.status == .diterima)
        #expect(throws: DomainError.roleNotAllowed(role: .camat, action: "perpanjang jadwal")) {
            try Fixture.cycle.extending(.kelurahan, to: newClose, reason: "x", by: Fixture.actor(.camat, inScope: true), at: late)
        }
        #expect(throws: DomainError.reasonRequired(action: "perpanjang jadwal")) {
            try Fixture.cycle.extending(.kelurahan, to: newClose, reason: " ", by: bappeda, at: late)
        }
    }

    @Test func levelLockRequiresOwnerScopeAndOpenWindow() throws {
        let verifier = Fixture.actor(.verifikatorKelurahan, inScope: true)
        let lock = try LevelLock.lock(.kelurahan(Fixture.kelurahan), cycle: Fixture.cycle, documentNumber: "BA/001/2027",
                                      by: verifier, at: Fixture.inside(.kelurahan), existing: [])
        #expect(lock.key == .kelurahan(Fixture.kelurahan))
        #expect(throws: DomainError.levelLocked(.kelurahan(Fixture.kelurahan))) {
            try LevelLock.lock(.kelurahan(Fixture.kelurahan), cycle: Fixture.cycle, documentNumber: "BA/002", by: verifier,
                               at: Fixture.inside(.kelurahan), existing: [lock.key])
        }
        #expect(throws: DomainError.notInScope) {
            try LevelLock.lock(.kelurahan(Fixture.otherKelurahan), cycle: Fixture.cycle, documentNumber: "BA/3", by: verifier,
                               at: Fixture.inside(.kelurahan), existing: [])
        }
        #expect(throws: DomainError.roleNotAllowed(role: .warga, action: "kunci berita acara")) {
            try LevelLock.lock(.kota, cycle: Fixture.cycle, documentNumber: "BA/4", by: Fixture.actor(.warga, inScope: true),
                               at: Fixture.inside(.kota), existing: [])
        }
    }

    @Test func errorsCarryRuleIdsAndIndonesianMessages() {
        let error = DomainError.outsideWindow(stage: .kelurahan, window: Fixture.cycle.windows[.kelurahan])
        #expect(error.ruleId == "outside_window")
        #expect(error.message == "Tahap Musrenbang kelurahan belum dibuka atau sudah ditutup (jadwal: 1 Januari 2027 00.00 WIB - 1 Februari 2027 00.00 WIB).")
        #expect(DomainError.costBelowSSH(cost: 1_000_000, minimum: 1_500_000).message.contains("Rp 1.500.000"))
        #expect(DomainError.reasonRequired(action: "tolak").message == "Alasan wajib diisi untuk \"tolak\".")
    }

    @Test func everyErrorHasADistinctRuleIdAndAMessage() {
        let all: [DomainError] = [
            .outsideWindow(stage: .kota, window: nil), .notInScope, .roleNotAllowed(role: .warga, action: "tolak"),
            .levelLocked(.kota), .reasonRequired(action: "tolak"), .costBelowSSH(cost: 1, minimum: 2),
            .staleVersion(expected: 1, actual: 2), .invalidTransition(from: ProposalState(.kota, .ditetapkan), action: "tolak"),
            .changeRequired, .missingInput(field: "judul"), .invalidInput(field: "volume", detail: "x"),
            .incompleteScores(ProposalID(1)), .accountInactive, .cycleMismatch,
        ]
        #expect(Set(all.map(\.ruleId)).count == all.count)
        #expect(all.allSatisfy { !$0.message.isEmpty && $0.message.hasSuffix(".") })
        #expect(DomainError.outsideWindow(stage: .kota, window: nil).message
                == "Tahap Musrenbang kota belum dibuka atau sudah ditutup (jadwal belum ditetapkan).")
        #expect(DomainError.levelLocked(.kelurahan(KelurahanID(1))).message.hasPrefix("Hasil Musrenbang kelurahan sudah dikunci"))
    }
}
