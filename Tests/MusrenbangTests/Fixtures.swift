import Foundation
@testable import Musrenbang

/// A small world: one kecamatan, one kelurahan, RW 5 / RT 3, one OPD, a kamus item, a 2027 cycle.
enum Fixture {
    static let kecamatan = KecamatanID(1)
    static let otherKecamatan = KecamatanID(2)
    static let kelurahan = KelurahanID(11)
    static let otherKelurahan = KelurahanID(12)
    static let rw = RWID(21)
    static let otherRW = RWID(22)
    static let rt = RTID(31)
    static let otherRT = RTID(32)
    static let opd = OPDID(41)
    static let otherOPD = OPDID(42)
    static let bidang = BidangID(51)
    static let resident = AccountID(100)
    static let otherResident = AccountID(101)

    static let kamus = KamusItem(id: KamusID(61), code: "K-001", name: "Betonisasi jalan lingkungan", bidangId: bidang,
                                 opdId: opd, unit: "meter", unitPrice: 1_500_000, isFisik: true)

    static let origin = Origin(kecamatanId: kecamatan, kelurahanId: kelurahan, rwId: rw, rtId: rt)

    /// Stage windows (WIB): pra Dec 2026, kelurahan Jan 2027, kecamatan Feb, OPD 1-20 Mar, kota 21-31 Mar.
    static let windows: [StageWindow] = [
        StageWindow(stage: .praMusrenbang, opensAt: WIBTime.date(year: 2026, month: 12, day: 1),
                    closesAt: WIBTime.date(year: 2027, month: 1, day: 1)),
        StageWindow(stage: .kelurahan, opensAt: WIBTime.date(year: 2027, month: 1, day: 1),
                    closesAt: WIBTime.date(year: 2027, month: 2, day: 1)),
        StageWindow(stage: .kecamatan, opensAt: WIBTime.date(year: 2027, month: 2, day: 1),
                    closesAt: WIBTime.date(year: 2027, month: 3, day: 1)),
        StageWindow(stage: .opd, opensAt: WIBTime.date(year: 2027, month: 3, day: 1),
                    closesAt: WIBTime.date(year: 2027, month: 3, day: 21)),
        StageWindow(stage: .kota, opensAt: WIBTime.date(year: 2027, month: 3, day: 21),
                    closesAt: WIBTime.date(year: 2027, month: 4, day: 1)),
    ]

    static let cycle = Cycle(id: CycleID(1), kotaId: KotaID(1), planYear: 2027, budgetYear: 2028,
                             name: "Musrenbang 2027 (RKPD 2028)", windows: windows,
                             settings: CycleSettings(costToleranceBasisPoints: 1000))

    /// A moment inside `stage`'s window (the 10th day).
    static func inside(_ stage: Stage) -> Date {
        cycle.windows[stage]!.opensAt.addingTimeInterval(10 * 86_400 - 3600)
    }

    /// A moment outside every window.
    static let outside = WIBTime.date(year: 2026, month: 6, day: 1, hour: 9)

    static func code(_ sequence: Int, year: Int = 2027) -> TrackingCode {
        try! TrackingCode(cityCode: "TGS", year: year, sequence: sequence)
    }

    /// The operator account that typed in a resident's paper form.
    static let operatorAccount = AccountID(300)

    /// A proposal of the resident, placed in `state` (routed to the OPD when in the OPD or kota stage). By default a
    /// paper form the kelurahan operator entered for the resident (`enteredBy: resident` makes it the resident's own
    /// online proposal, which only the resident edits and submits).
    static func proposal(_ state: ProposalState, id: Int64 = 1, volume: Int64 = 100, version: Int64 = 3,
                         enteredBy: AccountID = operatorAccount) -> Proposal {
        var p = Proposal(id: ProposalID(id), trackingCode: code(Int(id)), cycleId: cycle.id, origin: origin,
                         proposerAccountId: resident, proposerName: "Siti Aminah", enteredBy: enteredBy,
                         title: "Betonisasi Jl. Mawar", problem: "Jalan rusak dan tergenang saat hujan",
                         kamus: kamus, volume: volume, cost: volume * kamus.unitPrice, locationText: "Jl. Mawar RT 03/RW 05",
                         beneficiaries: 120, createdAt: inside(.praMusrenbang), version: version)
        p.state = state
        if state.stage == .opd || state.stage == .kota { p.routedOPDId = opd }
        return p
    }

    /// An actor of `role` whose scope covers `Fixture.proposal` (inScope) or does not.
    static func actor(_ role: Role, inScope: Bool) -> Actor {
        let account = AccountID(inScope ? 200 : 201)
        switch role {
        case .warga: return Actor(accountId: inScope ? resident : otherResident, role: role, scope: .selfOnly)
        case .ketuaRT: return Actor(accountId: account, role: role, scope: .rt(inScope ? rt : otherRT))
        case .ketuaRW: return Actor(accountId: account, role: role, scope: .rw(inScope ? rw : otherRW))
        case .operatorKelurahan, .verifikatorKelurahan:
            return Actor(accountId: account, role: role, scope: .kelurahan(inScope ? kelurahan : otherKelurahan))
        case .operatorKecamatan, .camat:
            return Actor(accountId: account, role: role, scope: .kecamatan(inScope ? kecamatan : otherKecamatan))
        case .verifikatorOPD: return Actor(accountId: account, role: role, scope: .opd(inScope ? opd : otherOPD))
        case .bappeda: return Actor(accountId: account, role: role, scope: inScope ? .kota : .kelurahan(kelurahan))
        case .adminSistem: return Actor(accountId: account, role: role, scope: .system)
        }
    }

    static func edit(volume: Int64 = 120) -> ProposalEdit {
        ProposalEdit(title: "Betonisasi Jl. Mawar (revisi)", problem: "Jalan rusak", kamusId: kamus.id, volume: volume,
                     locationText: "Jl. Mawar", latitude: -6.3, longitude: 106.75, beneficiaries: 150)
    }

    /// Random group caps for property tests: fisik, non-fisik and bidang 1-3 shares, each present or not.
    static func randomShares(_ rng: inout SeededRandom) -> [GroupShare] {
        var shares: [GroupShare] = []
        if rng.bool() { shares.append(GroupShare(group: .fisik, capBasisPoints: rng.int(0...10_000))) }
        if rng.bool() { shares.append(GroupShare(group: .nonFisik, capBasisPoints: rng.int(0...10_000))) }
        for b in 1...3 where rng.int(0...2) == 0 {
            shares.append(GroupShare(group: .bidang(BidangID(Int64(b))), capBasisPoints: rng.int(0...10_000)))
        }
        return shares
    }

    static func state(_ text: String) -> ProposalState {
        let parts = text.split(separator: ":").map(String.init)
        return ProposalState(Stage(rawValue: parts[0])!, ProposalStatus(rawValue: parts[1])!)
    }
}
