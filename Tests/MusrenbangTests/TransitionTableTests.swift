import Foundation
import Testing
@testable import Musrenbang

/// The allowed transitions, written out independently of `TransitionTable` from domain.md's journey.
/// Format: from-states | action | roles | next ("same", "target" or a state) | acting stage | guards (W window, L lock).
private let expectedSpec = """
pra_musrenbang:draft,pra_musrenbang:dikembalikan | ubah | warga,operator_kelurahan | same | pra_musrenbang | W
pra_musrenbang:draft,pra_musrenbang:dikembalikan | ajukan | warga | pra_musrenbang:diajukan | pra_musrenbang | W
pra_musrenbang:draft,pra_musrenbang:dikembalikan | ajukan | operator_kelurahan | kelurahan:verifikasi | pra_musrenbang | W
pra_musrenbang:diajukan | setujui | ketua_rt | pra_musrenbang:disetujui_rt | pra_musrenbang | W
pra_musrenbang:diajukan | kembalikan | ketua_rt | pra_musrenbang:dikembalikan | pra_musrenbang | W
pra_musrenbang:disetujui_rt | setujui | ketua_rw | kelurahan:verifikasi | pra_musrenbang | W
pra_musrenbang:disetujui_rt | kembalikan | ketua_rw | pra_musrenbang:dikembalikan | pra_musrenbang | W
kelurahan:verifikasi | terima | verifikator_kelurahan | kelurahan:diterima | kelurahan | WL
kelurahan:verifikasi | terima_dengan_perubahan | verifikator_kelurahan | kelurahan:diterima_dengan_perubahan | kelurahan | WL
kelurahan:verifikasi | tolak | verifikator_kelurahan | kelurahan:ditolak | kelurahan | WL
kelurahan:verifikasi | kembalikan | verifikator_kelurahan | kelurahan:dikembalikan | kelurahan | WL
kelurahan:dikembalikan | ubah | warga,operator_kelurahan | same | kelurahan | WL
kelurahan:dikembalikan | ajukan | warga,operator_kelurahan | kelurahan:verifikasi | kelurahan | WL
kelurahan:diterima,kelurahan:diterima_dengan_perubahan | alokasi_f1 | verifikator_kelurahan | kelurahan:didanai | kelurahan | WL
kelurahan:diterima,kelurahan:diterima_dengan_perubahan | alokasi_f2 | verifikator_kelurahan | kecamatan:verifikasi | kelurahan | WL
kelurahan:diterima,kelurahan:diterima_dengan_perubahan | ubah_peringkat | verifikator_kelurahan | same | kelurahan | WL
kecamatan:verifikasi | terima | operator_kecamatan,camat | kecamatan:diterima | kecamatan | WL
kecamatan:verifikasi | terima_dengan_perubahan | operator_kecamatan,camat | kecamatan:diterima_dengan_perubahan | kecamatan | WL
kecamatan:verifikasi | tolak | operator_kecamatan,camat | kecamatan:ditolak | kecamatan | WL
kecamatan:diterima,kecamatan:diterima_dengan_perubahan | alokasi_f1 | operator_kecamatan,camat | kecamatan:didanai | kecamatan | WL
kecamatan:diterima,kecamatan:diterima_dengan_perubahan | alokasi_f2 | operator_kecamatan,camat | kecamatan:f2 | kecamatan | WL
kecamatan:diterima,kecamatan:diterima_dengan_perubahan | rutekan_opd | operator_kecamatan,camat | opd:verifikasi | kecamatan | WL
kecamatan:diterima,kecamatan:diterima_dengan_perubahan | rutekan_pokir | operator_kecamatan,camat | kecamatan:pokir | kecamatan | WL
kecamatan:f2 | rutekan_opd | operator_kecamatan,camat | opd:verifikasi | kecamatan | W
kecamatan:f2 | rutekan_pokir | operator_kecamatan,camat | kecamatan:pokir | kecamatan | W
kecamatan:f2 | tolak | operator_kecamatan,camat | kecamatan:ditolak | kecamatan | W
kecamatan:diterima,kecamatan:diterima_dengan_perubahan | ubah_peringkat | operator_kecamatan,camat | same | kecamatan | WL
opd:verifikasi | terima | verifikator_opd | opd:diterima | opd | WL
opd:verifikasi | terima_dengan_perubahan | verifikator_opd | opd:diterima_dengan_perubahan | opd | WL
opd:verifikasi | tolak | verifikator_opd | opd:ditolak | opd | WL
opd:diterima,opd:diterima_dengan_perubahan | alokasi_f1 | verifikator_opd | opd:didanai | opd | WL
opd:diterima,opd:diterima_dengan_perubahan | alokasi_f2 | verifikator_opd | opd:f2 | opd | WL
opd:diterima,opd:diterima_dengan_perubahan | ubah_peringkat | verifikator_opd | same | opd | WL
kelurahan:didanai,kecamatan:didanai,opd:didanai | tetapkan | bappeda | kota:ditetapkan | kota | WL
kelurahan:didanai,kecamatan:didanai,opd:didanai | tidak_tetapkan | bappeda | kota:tidak_ditetapkan | kota | WL
ALL_BUT_DRAFT | koreksi | bappeda | target | kota | -
kelurahan:ditolak,kecamatan:ditolak,opd:ditolak,kecamatan:f2,opd:f2,kota:tidak_ditetapkan | bawa_ke_siklus_berikut | warga,operator_kelurahan | same | pra_musrenbang | -
"""

struct ExpectedRule {
    let from: ProposalState
    let action: Action
    let roles: Set<Role>
    let next: String
    let acting: Stage
    let window: Bool
    let lock: Bool
}

let expectedRules: [ExpectedRule] = {
    var rules: [ExpectedRule] = []
    for line in expectedSpec.split(separator: "\n") {
        let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        let froms: [ProposalState]
        switch f[0] {
        case "ALL_BUT_DRAFT": froms = ProposalState.all.filter { $0 != ProposalState(.praMusrenbang, .draft) }
        default: froms = f[0].split(separator: ",").map { Fixture.state(String($0)) }
        }
        let roles = Set(f[2].split(separator: ",").map { Role(rawValue: String($0))! })
        for from in froms {
            rules.append(ExpectedRule(from: from, action: Action(rawValue: f[1])!, roles: roles, next: f[3],
                                      acting: Stage(rawValue: f[4])!, window: f[5].contains("W"), lock: f[5].contains("L")))
        }
    }
    return rules
}()

enum LockVariant: CaseIterable { case none, actingOnly, allButActing }

private func lockKeys(for proposal: Proposal) -> [Level: LockKey] {
    var keys: [Level: LockKey] = [.kelurahan: .kelurahan(Fixture.kelurahan), .kecamatan: .kecamatan(Fixture.kecamatan),
                                  .opd: .opd(Fixture.opd), .kota: .kota]
    if proposal.routedOPDId == nil { keys[.opd] = .opd(Fixture.opd) }
    return keys
}

private func fullInput(for proposal: Proposal, action: Action, reason: String? = "alasan musyawarah") -> TransitionInput {
    let target = proposal.state == ProposalState(.kota, .ditetapkan) ? ProposalState(.kecamatan, .ditolak) : ProposalState(.kota, .ditetapkan)
    return TransitionInput(action, expectedVersion: proposal.version, reason: reason,
                           change: ValueChange(volume: proposal.volume + 1, cost: (proposal.volume + 1) * proposal.unitPrice),
                           edit: Fixture.edit(), routeTo: Fixture.opd, target: target, rank: 1)
}

@Suite struct TransitionTableTests {
    @Test func everyCombinationIsAllowedOrRefusedWithTheRightRule() {
        var checked = 0
        var allowed = 0
        var failures: [String] = []
        // Every stage x status, including pairs that are not valid states (they must have no transition).
        let everyPair = Stage.allCases.flatMap { stage in ProposalStatus.allCases.map { ProposalState(stage, $0) } }
        for state in everyPair {
            for action in Action.allCases {
                let candidates = expectedRules.filter { $0.from == state && $0.action == action }
                for role in Role.allCases {
                    let rule = candidates.first { $0.roles.contains(role) }
                    let acting = rule?.acting ?? state.stage
                    for inScope in [true, false] {
                        for insideWindow in [true, false] {
                            for lockVariant in LockVariant.allCases {
                                let proposal = Fixture.proposal(state)
                                let keys = lockKeys(for: proposal)
                                let actingKey = acting.level.flatMap { keys[$0] }
                                var locks: Set<LockKey> = []
                                switch lockVariant {
                                case .none: break
                                case .actingOnly: if let actingKey { locks = [actingKey] }
                                case .allButActing: locks = Set(keys.values.filter { $0 != actingKey })
                                }
                                let now = insideWindow ? Fixture.inside(acting) : Fixture.outside
                                let context = WorkflowContext(cycle: Fixture.cycle, locks: locks)
                                let input = fullInput(for: proposal, action: action)

                                let expected: Result<ProposalState, DomainError>
                                let nextState = rule.flatMap { $0.next == "same" || $0.next == "target" ? nil : Fixture.state($0.next) }
                                // A move into another level that is already locked (not a Bappeda correction).
                                let targetKey = nextState.flatMap { next -> LockKey? in
                                    guard next.stage != state.stage, let level = next.stage.level, level != .kota else { return nil }
                                    return keys[level]
                                }
                                if action == .alokasiF1 || action == .alokasiF2 {
                                    expected = .failure(.onlyThroughBeritaAcara(action: action.displayName))
                                } else if candidates.isEmpty {
                                    expected = .failure(.invalidTransition(from: state, action: action.displayName))
                                } else if let rule {
                                    if !inScope {
                                        expected = .failure(.notInScope)
                                    } else if rule.lock && lockVariant == .actingOnly, let actingKey {
                                        expected = .failure(.levelLocked(actingKey))
                                    } else if rule.window && !insideWindow {
                                        expected = .failure(.outsideWindow(stage: rule.acting, window: Fixture.cycle.windows[rule.acting]))
                                    } else if let targetKey, locks.contains(targetKey) {
                                        expected = .failure(.levelLocked(targetKey))
                                    } else {
                                        switch rule.next {
                                        case "same": expected = .success(state)
                                        case "target": expected = .success(input.target!)
                                        default: expected = .success(Fixture.state(rule.next))
                                        }
                                    }
                                } else {
                                    expected = .failure(.roleNotAllowed(role: role, action: action.displayName))
                                }

                                let actual: Result<ProposalState, DomainError>
                                do {
                                    let result = try Workflow.apply(input, to: proposal, by: Fixture.actor(role, inScope: inScope),
                                                                    at: now, context: context)
                                    actual = .success(result.proposal.state)
                                    if result.event.from != state || result.event.to != result.proposal.state
                                        || result.proposal.version != proposal.version + 1 || result.event.action != action
                                        || result.event.actorRole != role || result.event.at != now {
                                        failures.append("bad event for \(state) \(action) \(role)")
                                    }
                                } catch {
                                    actual = .failure(error)
                                }
                                checked += 1
                                if case .success = actual { allowed += 1 }
                                if actual != expected {
                                    failures.append("\(state) \(action) \(role) scope=\(inScope) window=\(insideWindow) lock=\(lockVariant): expected \(expected), got \(actual)")
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) mismatches, first: \(failures.prefix(5).joined(separator: "\n"))")
        #expect(checked == everyPair.count * Action.allCases.count * Role.allCases.count * 2 * 2 * 3)
        #expect(allowed > 0)
    }

    @Test func tableHasExactlyTheExpectedRows() {
        var actual: Set<String> = []
        for rule in TransitionTable.rules {
            for role in rule.roles { actual.insert("\(rule.from) \(rule.action) \(role)") }
        }
        var expected: Set<String> = []
        for rule in expectedRules {
            for role in rule.roles { expected.insert("\(rule.from) \(rule.action) \(role)") }
        }
        #expect(actual.subtracting(expected).sorted() == [])
        #expect(expected.subtracting(actual).sorted() == [])
    }

    @Test func noTwoRowsGiveTheSameRoleTheSameAction() {
        var seen: Set<String> = []
        for rule in TransitionTable.rules {
            for role in rule.roles {
                let key = "\(rule.from) \(rule.action) \(role)"
                #expect(!seen.contains(key), "duplicate \(key)")
                seen.insert(key)
            }
        }
    }

    @Test func requiredReasonsAreEnforcedOnEveryAllowedRow() {
        let needsReason: Set<Action> = [.tolak, .kembalikan, .tidakTetapkan, .terimaDenganPerubahan, .koreksi, .ubahPeringkat]
        for rule in expectedRules {
            let role = Role.allCases.first { rule.roles.contains($0) }!
            let proposal = Fixture.proposal(rule.from)
            let context = WorkflowContext(cycle: Fixture.cycle)
            for reason in [nil, "   "] as [String?] {
                let input = fullInput(for: proposal, action: rule.action, reason: reason)
                // The table path (allocation outcomes included: the berita acara applies them through it).
                let result = Result { () throws(DomainError) -> TransitionResult in
                    try Workflow.transition(input, to: proposal, by: Fixture.actor(role, inScope: true),
                                            at: Fixture.inside(rule.acting), context: context)
                }
                if needsReason.contains(rule.action) {
                    #expect(throws: DomainError.reasonRequired(action: rule.action.displayName)) { try result.get() }
                } else {
                    #expect(throws: Never.self) { try result.get() }
                }
            }
        }
    }

    @Test func workflowDocumentMatchesTheTable() throws {
        let docURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/workflow.md")
        let text = try String(contentsOf: docURL, encoding: .utf8)
        #expect(text.contains(TransitionTable.markdown()), "regenerate the table in docs/workflow.md from TransitionTable.markdown()")
    }
}
