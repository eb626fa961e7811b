import Foundation
import Storage
import Testing
@testable import Musrenbang

/// The public read model carries no personal data and no staff identity: a proposal of a resident with NIK, phone
/// and e-mail, handled by named staff through every level, shows only roles and units.
@Suite("Public read model")
struct PublicModelTests {
    /// Whether `value` holds an account id anywhere inside it.
    static func holdsAccountID(_ value: Any) -> Bool {
        if value is AccountID { return true }
        return Mirror(reflecting: value).children.contains { holdsAccountID($0.value) }
    }

    @Test func noPersonalDataNorStaffIdentityInThePublicModel() throws {
        let world = try TestWorld()
        let k0 = world.kelurahan[0], (rw, rt) = world.rts[k0]![0]
        let resident = try world.addActor("rahmat.h", .warga, .selfOnly, displayName: "Rahmat Hidayatullah",
                                          nik: "3674011234567890", phone: "081298765432", email: "rahmat.h@contoh.id")
        let people: [(String, Role, Scope, String)] = [
            ("sumarni.w", .ketuaRT, .rt(rt), "Sumarni Wulandari"), ("joko.p", .ketuaRW, .rw(rw), "Joko Prasetyo"),
            ("dewi.ks", .verifikatorKelurahan, .kelurahan(k0), "Dewi Kartika Sari"),
            ("hendra.g", .camat, .kecamatan(world.kecamatan[0]), "Hendra Gunawan"),
            ("yusuf.m", .verifikatorOPD, .opd(world.opd[0]), "Yusuf Maulana"), ("agus.sh", .bappeda, .kota, "Agus Salim Harahap"),
        ]
        var staff: [String: Actor] = [:]
        for (username, role, scope, name) in people {
            staff[username] = try world.addActor(username, role, scope, displayName: name, phone: "0812000\(username.count)111")
        }
        let service = world.service
        world.at(.praMusrenbang)
        var new = try world.newProposal(volume: 9, title: "Perbaikan saluran air")
        new.proposerName = "Rahmat Hidayatullah"
        var p = try service.submit(new, cycleId: world.cycle.id, by: resident)
        p = try service.apply(.setujui, to: .id(p.id), by: staff["sumarni.w"]!, expectedVersion: p.version)
        p = try service.apply(.setujui, to: .id(p.id), by: staff["joko.p"]!, expectedVersion: p.version)
        world.at(.kelurahan)
        p = try service.apply(TransitionInput(.terimaDenganPerubahan, expectedVersion: p.version, reason: "Harga disesuaikan",
                                              change: ValueChange(volume: 9, cost: 9_500_000)), to: .id(p.id), by: staff["dewi.ks"]!)
        let kelEnvelope = FundingEnvelope.kelurahan(k0)
        let kelRun = try world.rankAndRun(kelEnvelope, try service.candidates(for: kelEnvelope, cycleId: world.cycle.id), by: staff["dewi.ks"]!)
        try service.lockLevel(.kelurahan(k0), cycleId: world.cycle.id, runId: kelRun, documentNumber: "BA/KEL/7", by: staff["dewi.ks"]!)
        world.at(.kecamatan)
        p = try service.proposal(.id(p.id))
        p = try service.apply(.terima, to: .id(p.id), by: staff["hendra.g"]!, expectedVersion: p.version)
        let kecEnvelope = FundingEnvelope.kecamatan(world.kecamatan[0])
        let kecRun = try world.rankAndRun(kecEnvelope, try service.candidates(for: kecEnvelope, cycleId: world.cycle.id), by: staff["hendra.g"]!)
        try service.lockLevel(.kecamatan(world.kecamatan[0]), cycleId: world.cycle.id, runId: kecRun, documentNumber: "BA/KEC/7", by: staff["hendra.g"]!)
        p = try service.proposal(.id(p.id))
        p = try service.apply(.rutekanOPD, to: .id(p.id), by: staff["hendra.g"]!, expectedVersion: p.version)
        world.at(.opd)
        p = try service.apply(TransitionInput(.terimaDenganPerubahan, expectedVersion: p.version, reason: "Volume dikurangi",
                                              change: ValueChange(volume: 8, cost: 8_000_000)), to: .id(p.id), by: staff["yusuf.m"]!)
        let opdEnvelope = FundingEnvelope.opd(world.opd[0])
        let opdRun = try world.rankAndRun(opdEnvelope, try service.candidates(for: opdEnvelope, cycleId: world.cycle.id), by: staff["yusuf.m"]!)
        try service.lockLevel(.opd(world.opd[0]), cycleId: world.cycle.id, runId: opdRun, documentNumber: "BA/OPD/7", by: staff["yusuf.m"]!)
        world.at(.kota)
        p = try service.proposal(.id(p.id))
        p = try service.apply(.tetapkan, to: .id(p.id), by: staff["agus.sh"]!, expectedVersion: p.version)
        #expect(p.state == ProposalState(.kota, .ditetapkan))

        let page = try service.publicProposal(.code(p.trackingCode), viewer: .public)
        let run = try service.latestAllocationRun(.kelurahan(k0), cycleId: world.cycle.id, viewer: .public)
        let beritaAcara = try service.beritaAcara(.kecamatan(world.kecamatan[0]), cycleId: world.cycle.id, viewer: .public)
        let list = try service.proposals(ProposalQuery(cycleId: world.cycle.id, text: "saluran"), viewer: .public)
        let forbidden = ["3674011234567890", "081298765432", "rahmat.h@contoh.id", "Rahmat", "Hidayatullah", "0812000"]
            + people.flatMap { [$0.0, $0.3] } + people.map { $0.3.split(separator: " ")[0].description } + ["Akun "]
        for (label, value) in [("proposal", page as Any), ("run", run), ("berita acara", beritaAcara), ("list", list)] {
            let text = String(describing: value)
            for secret in forbidden { #expect(!text.localizedCaseInsensitiveContains(secret), "\(label) shows \(secret)") }
            #expect(!Self.holdsAccountID(value), "\(label) holds an account id")
        }
        #expect(page.proposerLabel == "Warga RT 01/RW 01")
        #expect(page.events.map(\.actor) == [
            "Pengusul", "Pengusul", "Ketua RT 01/RW 01 Kelurahan 00", "Ketua RW 01 Kelurahan 00",
            "Verifikator Kelurahan Kelurahan 00", "Verifikator Kelurahan Kelurahan 00", "Camat Kecamatan 0", "Camat Kecamatan 0",
            "Camat Kecamatan 0", "Verifikator Perangkat Daerah DPUPR", "Verifikator Perangkat Daerah DPUPR", "Bappeda",
        ])
        #expect(page.events.map(\.action) == [.buat, .ajukan, .setujui, .setujui, .terimaDenganPerubahan, .alokasiF2, .terima,
                                              .alokasiF2, .rutekanOPD, .terimaDenganPerubahan, .alokasiF1, .tetapkan])
        #expect(page.events[4].note == "Harga disesuaikan")
        #expect(page.recommendations.map(\.level) == [.kelurahan, .opd] && page.recommendations.map(\.cost) == [9_500_000, 8_000_000])
        #expect(page.effectiveCost == 8_000_000 && page.cost == 9_000_000 && page.unitPrice == 1_000_000 && page.unit == "unit")
        #expect(page.kamusName == "Kegiatan 0" && page.bidangName == "Fisik dan Prasarana" && page.routedOPDName == "DPUPR")
        #expect(page.kelurahanName == "Kelurahan 00" && page.kecamatanName == "Kecamatan 0" && page.rtNumber == 1 && page.rwNumber == 1)
        #expect(page.state == ProposalState(.kota, .ditetapkan) && page.envelopeName == "Pagu Perangkat Daerah DPUPR")
        #expect(beritaAcara.signedBy == "Camat Kecamatan 0" && beritaAcara.unitName == "Kecamatan Kecamatan 0")
        #expect(beritaAcara.finalRun?.decisions.map(\.trackingCode) == [p.trackingCode])
        #expect(list.rows.map(\.trackingCode) == [p.trackingCode])
        // Staff with full access read the record, account ids and all.
        let detail = try service.proposalDetail(.id(p.id), viewer: .actor(staff["agus.sh"]!))
        #expect(detail.proposal.proposerAccountId == resident.accountId && detail.history.count == 12)
    }

    @Test func labelsNameRoleAndUnit() {
        let units = PublicLabel.Units(kecamatanName: "Ciputat", kelurahanName: "Pondok Karya", rwNumber: 2, rtNumber: 11)
        #expect(PublicLabel.actor(role: .operatorKelurahan, isProposer: false, units: units, opdName: nil) == "Operator Kelurahan Pondok Karya")
        #expect(PublicLabel.actor(role: .camat, isProposer: false, units: units, opdName: nil) == "Camat Ciputat")
        #expect(PublicLabel.actor(role: .verifikatorOPD, isProposer: false, units: units, opdName: "DINKES")
                == "Verifikator Perangkat Daerah DINKES")
        #expect(PublicLabel.actor(role: .warga, isProposer: true, units: units, opdName: nil) == "Pengusul")
        #expect(PublicLabel.actor(role: .warga, isProposer: false, units: units, opdName: nil) == "Warga")
        #expect(PublicLabel.proposer(units) == "Warga RT 11/RW 02")
        #expect(PublicLabel.proposer(PublicLabel.Units(kecamatanName: "Ciputat", kelurahanName: "Serua", rwNumber: nil, rtNumber: nil))
                == "Warga Kelurahan Serua")
    }
}
