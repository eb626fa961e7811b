/// THE transition table of a proposal's journey (domain.md). Every change of a proposal's state is one
/// of these rows; `Workflow.apply` looks the row up and checks its guards. docs/workflow.md renders it.
public enum TransitionTable {
    /// All rows, in journey order.
    public static let rules: [TransitionRule] = build()

    /// Rows for a state and action (several when the next state depends on the role).
    public static func rules(from state: ProposalState, action: Action) -> [TransitionRule] {
        index[Key(state: state, action: action)] ?? []
    }

    /// The row that lets `role` do `action` from `state`, if any.
    public static func rule(from state: ProposalState, action: Action, role: Role) -> TransitionRule? {
        rules(from: state, action: action).first { $0.roles.contains(role) }
    }

    private struct Key: Hashable { let state: ProposalState; let action: Action }
    private static let index: [Key: [TransitionRule]] = Dictionary(grouping: rules) { Key(state: $0.from, action: $0.action) }

    private static func build() -> [TransitionRule] {
        typealias S = ProposalState
        let proposer: Set<Role> = [.warga, .operatorKelurahan]
        let kel: Set<Role> = [.verifikatorKelurahan]
        let kec: Set<Role> = [.operatorKecamatan, .camat]
        let opd: Set<Role> = [.verifikatorOPD]
        var rows: [TransitionRule] = []
        func add(_ from: [S], _ action: Action, _ roles: Set<Role>, _ stage: Stage, _ next: TransitionRule.Next,
                 window: Bool = true, lock: Bool = true) {
            for state in from {
                rows.append(TransitionRule(from: state, action: action, roles: roles, actingStage: stage, next: next,
                                           checksWindow: window, checksLock: lock))
            }
        }
        func at(_ stage: Stage, _ statuses: ProposalStatus...) -> [S] { statuses.map { S(stage, $0) } }

        // 1. Pra-Musrenbang RT/RW. A resident's proposal needs the RT then the RW; an operator's paper form
        //    was signed by RT and RW on paper and goes straight to kelurahan verification.
        add(at(.praMusrenbang, .draft, .dikembalikan), .ubah, proposer, .praMusrenbang, .same)
        add(at(.praMusrenbang, .draft, .dikembalikan), .ajukan, [.warga], .praMusrenbang, .state(S(.praMusrenbang, .diajukan)))
        add(at(.praMusrenbang, .draft, .dikembalikan), .ajukan, [.operatorKelurahan], .praMusrenbang, .state(S(.kelurahan, .verifikasi)))
        add(at(.praMusrenbang, .diajukan), .setujui, [.ketuaRT], .praMusrenbang, .state(S(.praMusrenbang, .disetujuiRT)))
        add(at(.praMusrenbang, .diajukan), .kembalikan, [.ketuaRT], .praMusrenbang, .state(S(.praMusrenbang, .dikembalikan)))
        add(at(.praMusrenbang, .disetujuiRT), .setujui, [.ketuaRW], .praMusrenbang, .state(S(.kelurahan, .verifikasi)))
        add(at(.praMusrenbang, .disetujuiRT), .kembalikan, [.ketuaRW], .praMusrenbang, .state(S(.praMusrenbang, .dikembalikan)))

        // 2. Musrenbang kelurahan.
        add(at(.kelurahan, .verifikasi), .terima, kel, .kelurahan, .state(S(.kelurahan, .diterima)))
        add(at(.kelurahan, .verifikasi), .terimaDenganPerubahan, kel, .kelurahan, .state(S(.kelurahan, .diterimaDenganPerubahan)))
        add(at(.kelurahan, .verifikasi), .tolak, kel, .kelurahan, .state(S(.kelurahan, .ditolak)))
        add(at(.kelurahan, .verifikasi), .kembalikan, kel, .kelurahan, .state(S(.kelurahan, .dikembalikan)))
        add(at(.kelurahan, .dikembalikan), .ubah, proposer, .kelurahan, .same)
        add(at(.kelurahan, .dikembalikan), .ajukan, proposer, .kelurahan, .state(S(.kelurahan, .verifikasi)))
        // Allocation outcomes. A run is a draft the meeting reviews (re-runnable, nothing moves); the berita
        // acara that locks the kelurahan applies its final run: F1 stays funded here, F2 goes up.
        add(at(.kelurahan, .diterima, .diterimaDenganPerubahan), .alokasiF1, kel, .kelurahan, .state(S(.kelurahan, .didanai)))
        add(at(.kelurahan, .diterima, .diterimaDenganPerubahan), .alokasiF2, kel, .kelurahan, .state(S(.kecamatan, .verifikasi)))
        add(at(.kelurahan, .diterima, .diterimaDenganPerubahan), .ubahPeringkat, kel, .kelurahan, .same)

        // 3. Musrenbang kecamatan (over the F2 of its kelurahan).
        add(at(.kecamatan, .verifikasi), .terima, kec, .kecamatan, .state(S(.kecamatan, .diterima)))
        add(at(.kecamatan, .verifikasi), .terimaDenganPerubahan, kec, .kecamatan, .state(S(.kecamatan, .diterimaDenganPerubahan)))
        add(at(.kecamatan, .verifikasi), .tolak, kec, .kecamatan, .state(S(.kecamatan, .ditolak)))
        add(at(.kecamatan, .diterima, .diterimaDenganPerubahan), .alokasiF1, kec, .kecamatan, .state(S(.kecamatan, .didanai)))
        add(at(.kecamatan, .diterima, .diterimaDenganPerubahan), .alokasiF2, kec, .kecamatan, .state(S(.kecamatan, .f2)))
        // Before the berita acara the meeting may route a proposal itself; after it, the F2 list is passed up
        // (to an OPD or to Pokir DPRD): that hands the overflow over and changes no locked result.
        add(at(.kecamatan, .diterima, .diterimaDenganPerubahan), .rutekanOPD, kec, .kecamatan, .state(S(.opd, .verifikasi)))
        add(at(.kecamatan, .diterima, .diterimaDenganPerubahan), .rutekanPokir, kec, .kecamatan, .state(S(.kecamatan, .pokir)))
        add(at(.kecamatan, .f2), .rutekanOPD, kec, .kecamatan, .state(S(.opd, .verifikasi)), lock: false)
        add(at(.kecamatan, .f2), .rutekanPokir, kec, .kecamatan, .state(S(.kecamatan, .pokir)), lock: false)
        // An F2 proposal no OPD can take (and not for the Pokir DPRD) is dropped with the meeting's reason (domain.md:
        // "routed to an OPD (or to Pokir DPRD), or is dropped with a reason"); like the routing, after the lock.
        add(at(.kecamatan, .f2), .tolak, kec, .kecamatan, .state(S(.kecamatan, .ditolak)), lock: false)
        add(at(.kecamatan, .diterima, .diterimaDenganPerubahan), .ubahPeringkat, kec, .kecamatan, .same)

        // 4. Forum Perangkat Daerah.
        add(at(.opd, .verifikasi), .terima, opd, .opd, .state(S(.opd, .diterima)))
        add(at(.opd, .verifikasi), .terimaDenganPerubahan, opd, .opd, .state(S(.opd, .diterimaDenganPerubahan)))
        add(at(.opd, .verifikasi), .tolak, opd, .opd, .state(S(.opd, .ditolak)))
        add(at(.opd, .diterima, .diterimaDenganPerubahan), .alokasiF1, opd, .opd, .state(S(.opd, .didanai)))
        add(at(.opd, .diterima, .diterimaDenganPerubahan), .alokasiF2, opd, .opd, .state(S(.opd, .f2)))
        add(at(.opd, .diterima, .diterimaDenganPerubahan), .ubahPeringkat, opd, .opd, .same)

        // 5. Musrenbang kota: Bappeda ratifies everything funded at kelurahan, kecamatan and OPD level.
        let funded = at(.kelurahan, .didanai) + at(.kecamatan, .didanai) + at(.opd, .didanai)
        add(funded, .tetapkan, [.bappeda], .kota, .state(S(.kota, .ditetapkan)))
        add(funded, .tidakTetapkan, [.bappeda], .kota, .state(S(.kota, .tidakDitetapkan)))

        // Bappeda correction: any state but a draft, to any state, also of a locked level; no window.
        add(ProposalState.all.filter { $0 != S(.praMusrenbang, .draft) }, .koreksi, [.bappeda], .kota, .requested,
            window: false, lock: false)

        // Carry-over mark on last cycle's unfunded proposal (the new cycle's window is checked by CarryOver).
        add(ProposalState.all.filter(\.isCarryOverEligible), .bawaKeSiklusBerikut, proposer, .praMusrenbang, .same,
            window: false, lock: false)
        return rows
    }

    /// The table as a Markdown table (docs/workflow.md).
    public static func markdown() -> String {
        var lines = ["| from (stage:status) | action | roles | acting stage (window, lock) | next |",
                     "|---|---|---|---|---|"]
        for rule in rules {
            let roles = Role.allCases.filter(rule.roles.contains).map(\.rawValue).joined(separator: ", ")
            let next: String
            switch rule.next {
            case .state(let state): next = state.description
            case .same: next = "(same)"
            case .requested: next = "(target given by Bappeda)"
            }
            var guards: [String] = []
            if rule.checksWindow { guards.append("window") }
            if rule.checksLock { guards.append("lock") }
            let acting = "\(rule.actingStage.rawValue) (\(guards.isEmpty ? "no window, no lock" : guards.joined(separator: ", ")))"
            let action = rule.action.requiresReason ? "\(rule.action.rawValue) (reason)" : rule.action.rawValue
            lines.append("| \(rule.from) | \(action) | \(roles) | \(acting) | \(next) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
