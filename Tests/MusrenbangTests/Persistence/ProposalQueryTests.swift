import Foundation
import Storage
import Testing
@testable import Musrenbang

/// `MusrenbangService.proposals(_:viewer:)`: filters, sorts, bounded pages, counts per state, and the FTS5 text
/// search (diacritics, prefixes, user text that looks like FTS5 syntax, the index kept in step with edits).
@Suite("Proposal lists and text search")
struct ProposalQueryTests {
    /// Six submitted proposals (kelurahan verification) in kelurahan 0, 1 and 2, with varied items, volumes and texts.
    static func city() throws -> (TestWorld, [Proposal]) {
        let world = try TestWorld()
        let op2 = try world.addActor("op.kel2", .operatorKelurahan, .kelurahan(world.kelurahan[2]))
        world.at(.praMusrenbang)
        let specs: [(Int, Int, Int64, String, String)] = [
            (0, 0, 3, "Perbaikan jalan lingkungan", "Jl. Kenanga RT 01"),
            (0, 1, 4, "Pelatihan kader posyandu", "Balai warga Mawar"),
            (0, 0, 8, "Betonisasi gang", "Gang Melati dekat masjid"),
            (1, 0, 2, "Saluran air tersumbat", "Jl. Anggrek"),
            (1, 1, 6, "Pengadaan alat kesehatan", "Posyandu Kenari"),
            (2, 0, 5, "Café warga: perbaikan atap", "Jálan Cempaka"),
        ]
        var made: [Proposal] = []
        for (kel, item, volume, title, location) in specs {
            var new = try world.newProposal(kelurahan: kel, item: item, volume: volume, title: title)
            new.content.locationText = location
            new.content.problem = "Perlu penanganan segera"
            let op = kel == 0 ? world.actor("op.kel0") : kel == 1 ? world.actor("op.kel1") : op2
            made.append(try world.service.submit(new, cycleId: world.cycle.id, by: op))
        }
        return (world, made)
    }

    /// The public's pages are kept (`GenerationCache`) only while none of the cycle's proposals changes, whoever
    /// writes: here a second connection to the file, as another process (`musrenbang import`) would be. Also the two
    /// public list options: funded or not, and the title order.
    @Test func thePublicsKeptPagesFollowEveryWriteAndTheFundedAndTitleOptions() throws {
        let (world, made) = try Self.city()
        world.at(.kecamatan)
        let posyandu = ProposalQuery(cycleId: world.cycle.id, text: "posyandu")
        #expect(try world.service.proposals(posyandu, viewer: .public).rows.map(\.id) == [made[4].id, made[1].id])
        #expect(try world.service.proposals(posyandu, viewer: .public).total == 2)
        let other = try Database(path: world.database.path)
        try other.write { db in try db.execute("UPDATE proposals SET title = 'pelatihan kader PKK' WHERE id = ?", [made[1].id.rawValue]) }
        #expect(try world.service.proposals(posyandu, viewer: .public).rows.map(\.id) == [made[4].id])
        // The kept page of another address is left as it was computed: a new proposal moves the generation too.
        let everything = ProposalQuery(cycleId: world.cycle.id, sort: .title)
        let titles = try world.service.proposals(everything, viewer: .public).rows.map(\.title)
        #expect(titles == ["Betonisasi gang", "Café warga: perbaikan atap", "pelatihan kader PKK",
                           "Pengadaan alat kesehatan", "Perbaikan jalan lingkungan", "Saluran air tersumbat"])
        world.at(.praMusrenbang)
        _ = try world.service.submit(try world.newProposal(kelurahan: 0, item: 0, volume: 1, title: "Apotek hidup"), cycleId: world.cycle.id,
                                     by: world.actor("op.kel0"))
        world.at(.kecamatan)
        #expect(try world.service.proposals(everything, viewer: .public).rows.first?.title == "Apotek hidup")
        // Funded or not: none is funded yet; one placed in its kelurahan's envelope by a correction is.
        #expect(try world.service.proposals(ProposalQuery(cycleId: world.cycle.id, funded: true), viewer: .public).total == 0)
        try other.write { db in
            try db.execute("UPDATE proposals SET status = 'didanai', envelope_level = 'kelurahan', envelope_owner_id = kelurahan_id WHERE id = ?",
                           [made[3].id.rawValue])
        }
        #expect(try world.service.proposals(ProposalQuery(cycleId: world.cycle.id, funded: true), viewer: .public).rows.map(\.id) == [made[3].id])
        #expect(try world.service.proposals(ProposalQuery(cycleId: world.cycle.id, funded: false), viewer: .public).total == 6)
        // The home page's figures follow the same writes.
        let figures = try #require(try world.service.publicFigures(cycleId: world.cycle.id))
        #expect(figures.published == 7 && figures.funded == 1 && figures.fundedAmount == made[3].effectiveCost)
        // The names a kept page shows, and the filter choices, follow a rename.
        let kotaId = world.cycle.kotaId
        #expect(try world.service.listChoices(kotaId: kotaId).kelurahan.map(\.name).contains("Kelurahan 01"))
        try other.write { db in try db.execute("UPDATE kelurahan SET name = 'Kelurahan Baru' WHERE id = ?", [world.kelurahan[1].rawValue]) }
        #expect(try world.service.listChoices(kotaId: kotaId).kelurahan.map(\.name).contains("Kelurahan Baru"))
        #expect(try world.service.proposals(ProposalQuery(cycleId: world.cycle.id, funded: true), viewer: .public).rows.first?.kelurahanName
                == "Kelurahan Baru")
        world.at(.kelurahan)
        #expect(try world.service.publicFigures(cycleId: world.cycle.id) == nil)
        #expect(try world.service.proposals(everything, viewer: .public).total == 0)
    }

    /// A verifier's work list is kept per viewer (`WorkListKey`) while none of the cycle's proposals changes: another
    /// verifier reading the same address gets its own rows, any write (here from a second connection) is seen at once,
    /// and a list in rank order, whose ranks no generation covers, is read each time.
    @Test func aStaffWorkListIsKeptPerViewerOnlyWhileTheCycleStandsAndARankedListIsReadEachTime() throws {
        let (world, made) = try Self.city()
        world.at(.kelurahan)
        let queue = ProposalQuery(cycleId: world.cycle.id, kelurahanId: world.kelurahan[0], states: [ProposalState(.kelurahan, .verifikasi)])
        let lurah = Viewer.actor(world.actor("lurah")), otherLurah = Viewer.actor(world.actor("lurah1"))
        #expect(try world.service.proposals(queue, viewer: lurah).rows.map(\.id) == [made[2].id, made[1].id, made[0].id])
        #expect(try world.service.proposals(queue, viewer: otherLurah).total == 0, "another kelurahan's verifier sees none of them")
        let other = try Database(path: world.database.path)
        try other.write { db in try db.execute("UPDATE proposals SET status = 'diterima' WHERE id = ?", [made[0].id.rawValue]) }
        let after = try world.service.proposals(queue, viewer: lurah)
        #expect(after.rows.map(\.id) == [made[2].id, made[1].id])
        #expect(after.countsByState[ProposalState(.kelurahan, .diterima)] == 1)

        let ranked = ProposalQuery(cycleId: world.cycle.id, kelurahanId: world.kelurahan[0], sort: .rank(.kelurahan))
        try other.write { db in
            for (proposal, rank) in [(made[1], 1), (made[2], 2)] {
                try db.execute("INSERT INTO proposal_rankings (proposal_id, level, score_millis, rank, manual) VALUES (?, 'kelurahan', 0, ?, 0)",
                               [proposal.id.rawValue, rank])
            }
        }
        #expect(try world.service.proposals(ranked, viewer: lurah).rows.map(\.id) == [made[1].id, made[2].id, made[0].id])
        try other.write { db in
            try db.execute("UPDATE proposal_rankings SET rank = 3 - rank WHERE proposal_id IN (?, ?)", [made[1].id.rawValue, made[2].id.rawValue])
        }
        #expect(try world.service.proposals(ranked, viewer: lurah).rows.map(\.id) == [made[2].id, made[1].id, made[0].id])
    }

    @Test func filtersSortsPagesAndCounts() throws {
        let (world, made) = try Self.city()
        let lurah = world.actor("lurah")
        world.at(.kelurahan)
        _ = try world.service.apply(.terima, to: .id(made[0].id), by: lurah, expectedVersion: made[0].version)
        _ = try world.service.apply(.tolak, to: .id(made[1].id), by: lurah, expectedVersion: made[1].version, reason: "bukan kewenangan")
        let bappeda = Viewer.actor(world.actor("bappeda"))
        func query(_ edit: (inout ProposalQuery) -> Void) throws -> ProposalPage {
            var q = ProposalQuery(cycleId: world.cycle.id, sort: .oldest)
            edit(&q)
            return try world.service.proposals(q, viewer: bappeda)
        }
        #expect(try query { _ in }.total == 6)
        #expect(try query { $0.kecamatanId = world.kecamatan[1] }.rows.map(\.id) == [made[5].id])
        #expect(try query { $0.kelurahanId = world.kelurahan[1] }.rows.map(\.id) == [made[3].id, made[4].id])
        #expect(try query { $0.rwId = world.rts[world.kelurahan[0]]![0].0 }.total == 3)
        #expect(try query { $0.opdId = world.opd[1] }.rows.map(\.id) == [made[1].id, made[4].id])
        #expect(try query { $0.bidangId = world.kamus[0].bidangId }.total == 6)
        #expect(try query { $0.isFisik = false }.rows.map(\.id) == [made[1].id, made[4].id])
        #expect(try query { $0.minCost = 3_000_000; $0.maxCost = 5_000_000 }.rows.map(\.id) == [made[0].id, made[4].id, made[5].id])
        // States: the rows follow the filter, the counts ignore it.
        let accepted = try query { $0.states = [ProposalState(.kelurahan, .diterima)] }
        #expect(accepted.rows.map(\.id) == [made[0].id] && accepted.total == 1)
        #expect(accepted.countsByState == [ProposalState(.kelurahan, .diterima): 1, ProposalState(.kelurahan, .ditolak): 1,
                                           ProposalState(.kelurahan, .verifikasi): 4])
        // Sorts (ties by id) and bounded pages.
        #expect(try query { $0.sort = .newest }.rows.map(\.id) == made.map(\.id).reversed())
        let byCost = try query { $0.sort = .costAscending }.rows.map(\.effectiveCost)
        #expect(byCost == byCost.sorted() && byCost.count == 6)
        #expect(try query { $0.sort = .costDescending }.rows.map(\.effectiveCost) == byCost.reversed())
        #expect(try query { $0.sort = .trackingCode }.rows.map(\.trackingCode) == made.map(\.trackingCode).sorted())
        let second = try query { $0.page = 2; $0.pageSize = 4 }
        #expect(second.rows.map(\.id) == [made[4].id, made[5].id] && second.total == 6 && second.pageCount == 2)
        let huge = try query { $0.page = 0; $0.pageSize = 100_000 }
        #expect(huge.page == 1 && huge.pageSize == ProposalQuery.maxPageSize && huge.rows.count == 6)
        #expect(try query { $0.page = 9 }.rows.isEmpty)
        // Rank at a level: ranked first in rank order, unranked after.
        let third = try world.acceptedProposal(volume: 1)
        try world.service.rank(.kelurahan(world.kelurahan[0]), cycleId: world.cycle.id, scores: [
            made[0].id: [world.criteria[0].id: 1, world.criteria[1].id: 1], third.id: [world.criteria[0].id: 5, world.criteria[1].id: 5],
        ], by: lurah)
        let ranked = try query { $0.sort = .rank(.kelurahan); $0.kelurahanId = world.kelurahan[0] }
        #expect(ranked.rows.prefix(2).map(\.id) == [third.id, made[0].id] && ranked.rows.prefix(2).map(\.rank) == [1, 2])
        #expect(ranked.rows.dropFirst(2).allSatisfy { $0.rank == nil })
        // Names for the screens.
        let row = try #require(try query { $0.kelurahanId = world.kelurahan[1] }.rows.first)
        #expect(row.kelurahanName == "Kelurahan 01" && row.kecamatanName == "Kecamatan 0" && row.kamusName == "Kegiatan 0"
                && row.rwNumber == 1 && row.rtNumber == 1 && row.bidangName == "Fisik dan Prasarana" && row.routedOPDName == nil)
    }

    @Test func textSearchIsSafeAndFollowsEdits() throws {
        let (world, made) = try Self.city()
        let bappeda = Viewer.actor(world.actor("bappeda"))
        func search(_ text: String, as viewer: Viewer? = nil) throws -> [ProposalID] {
            try world.service.proposals(ProposalQuery(cycleId: world.cycle.id, text: text, sort: .oldest), viewer: viewer ?? bappeda)
                .rows.map(\.id)
        }
        #expect(try search("jalan") == [made[0].id, made[5].id])           // "Jálan Cempaka" without its accent
        #expect(try search("CAFE") == [made[5].id])                         // "Café"
        #expect(try search("kena") == [made[0].id, made[4].id])             // prefix of the last word: Kenanga, Kenari
        #expect(try search("posyandu kena") == [made[4].id])                // every word required
        #expect(try search("masjid") == [made[2].id])                       // the location
        #expect(try search("tersumbat") == [made[3].id])                    // the title
        #expect(try search("   ").count == 6)                                // no word: no text filter
        // User text that is FTS5 or SQL syntax is only words.
        for text in ["\"", "jalan OR saluran", "title:jalan", "NEAR(jalan saluran)", "*", "jalan\"*) OR 1=1 --",
                     "'; DROP TABLE proposals; --", "-jalan", "^jalan", "jalan AND NOT gang", "{title}: jalan"] {
            #expect(throws: Never.self, "\(text)") { _ = try search(text) }
        }
        #expect(try search("jalan OR saluran").isEmpty)                     // "or" is a word like the others
        #expect(try search("title:jalan").isEmpty)                          // no proposal says "title"
        #expect(FTSQuery("Jl. Kenanga RT-01")?.expression == "\"Jl\" \"Kenanga\" \"RT\" \"01\"*")
        #expect(FTSQuery("\"; --") == nil)
        // The index follows edits of the text and ignores transitions.
        let warga = world.actor("warga"), mine = Viewer.actor(warga)
        world.at(.praMusrenbang)
        let draft = try world.service.create(try world.newProposal(title: "Lampu jalan padam"), cycleId: world.cycle.id, by: warga)
        #expect(try search("lampu", as: mine) == [draft.id] && search("lampu").isEmpty)
        var edit = try world.newProposal(title: "Penerangan gang gelap").content
        edit.problem = "Gelap"
        edit.locationText = "Gang Dahlia"
        let edited = try world.service.apply(TransitionInput(.ubah, expectedVersion: draft.version, edit: edit), to: .id(draft.id), by: warga)
        #expect(try search("lampu", as: mine).isEmpty && search("penerangan", as: mine) == [draft.id]
                && search("dahlia", as: mine) == [draft.id])
        _ = try world.service.apply(.ajukan, to: .id(draft.id), by: warga, expectedVersion: edited.version)
        #expect(try search("penerangan", as: mine) == [draft.id] && search("penerangan", as: .public).isEmpty)
        // FTS5's own check fails (throws) when the index disagrees with the proposals it indexes.
        try world.database.write { db in
            try db.execute("INSERT INTO proposal_search (proposal_search, rank) VALUES ('integrity-check', 1)")
        }
    }
}
