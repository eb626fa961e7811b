/// Status of a proposal inside its stage. Raw values are the stored text. Which statuses exist in which
/// stage is `ProposalState.all` (see docs/workflow.md).
public enum ProposalStatus: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Being written; editable by the proposer.
    case draft
    /// Submitted by a resident, waiting for the Ketua RT.
    case diajukan
    /// Endorsed by the Ketua RT, waiting for the Ketua RW.
    case disetujuiRT = "disetujui_rt"
    /// Returned to the proposer with a reason; editable, can be submitted again.
    case dikembalikan
    /// Waiting for this level's verification.
    case verifikasi
    case diterima
    case diterimaDenganPerubahan = "diterima_dengan_perubahan"
    case ditolak
    /// Funded inside this level's envelope (F1).
    case didanai
    /// Not funded by this level's envelope (F2): at kecamatan waiting to be routed, at OPD final.
    case f2
    /// Routed to the Pokir DPRD channel by the kecamatan.
    case pokir
    /// Ratified by Bappeda into the RKPD.
    case ditetapkan
    case tidakDitetapkan = "tidak_ditetapkan"

    /// Indonesian display text.
    public var displayName: String {
        switch self {
        case .draft: "Draf"
        case .diajukan: "Diajukan"
        case .disetujuiRT: "Disetujui Ketua RT"
        case .dikembalikan: "Dikembalikan"
        case .verifikasi: "Menunggu verifikasi"
        case .diterima: "Diterima"
        case .diterimaDenganPerubahan: "Diterima dengan perubahan"
        case .ditolak: "Ditolak"
        case .didanai: "Didanai (F1)"
        case .f2: "Tidak masuk pagu (F2)"
        case .pokir: "Dialihkan ke Pokir DPRD"
        case .ditetapkan: "Ditetapkan dalam RKPD"
        case .tidakDitetapkan: "Tidak ditetapkan"
        }
    }

    public var description: String { rawValue }

    /// Funded: inside an envelope (F1) or ratified from it. What an envelope's use and its ceiling check count.
    public static let funded: Set<ProposalStatus> = [.didanai, .ditetapkan]

    /// `funded` as an SQL list of literals (`('didanai', 'ditetapkan')`) for the repositories' queries.
    static let fundedSQLList = "(" + funded.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ") + ")"
}

/// Where a proposal is: its stage and its status in that stage.
public struct ProposalState: Hashable, Sendable, CustomStringConvertible {
    public var stage: Stage
    public var status: ProposalStatus

    public init(_ stage: Stage, _ status: ProposalStatus) { self.stage = stage; self.status = status }

    /// Every (stage, status) pair a proposal can be in.
    public static let all: [ProposalState] = {
        let byStage: [(Stage, [ProposalStatus])] = [
            (.praMusrenbang, [.draft, .diajukan, .disetujuiRT, .dikembalikan]),
            (.kelurahan, [.verifikasi, .diterima, .diterimaDenganPerubahan, .ditolak, .dikembalikan, .didanai]),
            (.kecamatan, [.verifikasi, .diterima, .diterimaDenganPerubahan, .ditolak, .didanai, .f2, .pokir]),
            (.opd, [.verifikasi, .diterima, .diterimaDenganPerubahan, .ditolak, .didanai, .f2]),
            (.kota, [.ditetapkan, .tidakDitetapkan]),
        ]
        return byStage.flatMap { stage, statuses in statuses.map { ProposalState(stage, $0) } }
    }()

    /// Whether this pair is one of `all`.
    public var isValid: Bool { ProposalState.all.contains(self) }

    /// "kelurahan:verifikasi", the form used in storage CHECK constraints and docs.
    public var description: String { "\(stage.rawValue):\(status.rawValue)" }

    /// The state written as `description` ("kelurahan:verifikasi"); nil for any other text (one dictionary lookup).
    public init?(parsing text: String) {
        guard let state = Self.byDescription[text] else { return nil }
        self = state
    }

    /// This state's place in `all`.
    public var index: Int { Self.indexOf[self] ?? -1 }

    private static let byDescription = Dictionary(uniqueKeysWithValues: all.map { ($0.description, $0) })
    private static let indexOf = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })

    /// Indonesian display text: "Musrenbang kelurahan - Diterima".
    public var displayName: String { "\(stage.displayName) - \(status.displayName)" }

    /// Proposals that ended unfunded: rejected at any level, left over as F2 (the kecamatan's never routed, or
    /// the OPD's), or not ratified by the city. Once their cycle is finished they may be carried into the next
    /// one; a proposal still on its way (waiting, accepted, returned) may not.
    public var isCarryOverEligible: Bool {
        switch (stage, status) {
        case (_, .ditolak), (.kecamatan, .f2), (.opd, .f2), (.kota, .tidakDitetapkan): true
        default: false
        }
    }
}
