import Musrenbang

/// A Ketua RT or Ketua RW at work on the endorsements: making one checks the sign-in and the role (403 with the rule
/// for anyone else). It knows the state its proposals wait in and the states its work list shows.
struct AreaHead {
    let signedIn: SignedIn
    let area: Area

    /// The head's unit: an RT or an RW.
    enum Area {
        case rt(RTID)
        case rw(RWID)
    }

    static let rule = "Halaman persetujuan hanya untuk Ketua RT dan Ketua RW, yang menyetujui usulan warga di wilayahnya. "
        + "Bila akun Anda juga memegang peran itu, pilih peran tersebut lewat \"Ganti peran\"."

    init(_ context: RequestContext) throws {
        signedIn = try SignedIn(context)
        switch (signedIn.actor.role, signedIn.actor.scope) {
        case (.ketuaRT, .rt(let id)): area = .rt(id)
        case (.ketuaRW, .rw(let id)): area = .rw(id)
        default: throw PortalError.forbidden(Self.rule)
        }
    }

    var actor: Actor { signedIn.actor }

    /// "Ketua RT" or "Ketua RW".
    var title: String {
        switch area {
        case .rt: "Ketua RT"
        case .rw: "Ketua RW"
        }
    }

    /// The state in which a proposal waits for this head.
    var waiting: ProposalState {
        switch area {
        case .rt: ProposalState(.praMusrenbang, .diajukan)
        case .rw: ProposalState(.praMusrenbang, .disetujuiRT)
        }
    }

    /// The tabs of the work list, the proposals waiting for this head first.
    var tabs: [WorkTab] {
        let waitingTab = WorkTab(key: "menunggu", label: "Menunggu persetujuan Anda", states: [waiting])
        let other: WorkTab = switch area {
        case .rt: WorkTab(key: "disetujui", label: "Sudah Anda setujui, menunggu Ketua RW", states: [ProposalState(.praMusrenbang, .disetujuiRT)])
        case .rw: WorkTab(key: "menunggu-rt", label: "Masih menunggu Ketua RT", states: [ProposalState(.praMusrenbang, .diajukan)])
        }
        let returned = WorkTab(key: "dikembalikan", label: "Dikembalikan ke pengusul", states: [ProposalState(.praMusrenbang, .dikembalikan)])
        let forwarded = WorkTab(key: "diteruskan", label: "Sudah diteruskan ke Musrenbang",
                                states: ProposalState.all.filter { $0.stage != .praMusrenbang })
        return [waitingTab, other, returned, forwarded]
    }

    /// The proposals of this head's area in `cycleId`, in `states`, oldest submission first (first come, first served).
    func query(cycleId: CycleID, states: [ProposalState], page: Int) -> ProposalQuery {
        var query = ProposalQuery(cycleId: cycleId, states: states, sort: .oldest, page: page, pageSize: 20)
        switch area {
        case .rt(let id): query.rtId = id
        case .rw(let id): query.rwId = id
        }
        return query
    }
}
