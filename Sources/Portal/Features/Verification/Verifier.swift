import Musrenbang

/// A verifier at work: the Verifikator Kelurahan / Lurah, the Operator Kecamatan or Camat, or the Verifikator
/// Perangkat Daerah. Making one checks the sign-in and the role (403 with the rule for anyone else). It knows the
/// level it verifies at, the unit its queue is scoped to, and the actions its level has (the engine decides).
struct Verifier {
    let signedIn: SignedIn
    let level: Level
    let unit: Unit

    /// The unit whose proposals this verifier decides: a kelurahan, a kecamatan, or an OPD (what was routed to it).
    enum Unit: Equatable {
        case kelurahan(KelurahanID)
        case kecamatan(KecamatanID)
        case opd(OPDID)
    }

    static let rule = "Halaman verifikasi hanya untuk Verifikator Kelurahan / Lurah, Operator Kecamatan, Camat, dan Verifikator "
        + "Perangkat Daerah, yang memverifikasi usulan pada tingkatnya. Bila akun Anda juga memegang peran itu, pilih peran "
        + "tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        switch (signedIn.actor.role, signedIn.actor.scope) {
        case (.verifikatorKelurahan, .kelurahan(let id)): (level, unit) = (.kelurahan, .kelurahan(id))
        case (.operatorKecamatan, .kecamatan(let id)), (.camat, .kecamatan(let id)): (level, unit) = (.kecamatan, .kecamatan(id))
        case (.verifikatorOPD, .opd(let id)): (level, unit) = (.opd, .opd(id))
        default: throw PortalError.forbidden(Self.rule)
        }
    }

    var actor: Actor { signedIn.actor }
    var stage: Stage { level.stage }

    /// The state in which a proposal waits for this verifier.
    var waiting: ProposalState { ProposalState(stage, .verifikasi) }

    /// Only the kelurahan returns a proposal to its proposer (the transition table has no "kembalikan" above it).
    var canReturn: Bool { level == .kelurahan }

    /// The decisions this level may take on a proposal waiting for it.
    var decisions: [VerificationDecision] {
        canReturn ? VerificationDecision.allCases : VerificationDecision.allCases.filter { $0 != .kembalikan }
    }

    /// Who reuses the same reason templates: every verifier of this unit.
    var templateOwner: String { actor.scope.text }

    /// The tabs of the queue: the waiting ones first, each other status of the stage, then what went on past it.
    var tabs: [WorkTab] {
        let statuses = ProposalState.all.filter { $0.stage == stage && $0.status != .verifikasi }
        let later = ProposalState.all.filter { $0.stage > stage }
        return [WorkTab(key: "menunggu", label: "Menunggu verifikasi", states: [waiting])]
            + statuses.map { WorkTab(key: $0.status.rawValue, label: $0.status.displayName, states: [$0]) }
            + (later.isEmpty ? [] : [WorkTab(key: "lanjut", label: "Sudah di tahap berikutnya", states: later)])
    }

    /// The queue's query for `cycleId`, scoped to this verifier's unit (the engine's visibility still applies).
    func query(cycleId: CycleID) -> ProposalQuery {
        var query = ProposalQuery(cycleId: cycleId)
        switch unit {
        case .kelurahan(let id): query.kelurahanId = id
        case .kecamatan(let id): query.kecamatanId = id
        case .opd(let id): query.routedOPDId = id
        }
        return query
    }
}
