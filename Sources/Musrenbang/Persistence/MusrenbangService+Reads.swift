import Foundation
import Storage

/// The portal's reads. Each takes the viewer and returns only what it may see (`Visibility`, and as SQL
/// `VisibilityCondition` for lists); a proposal it may not see is `PersistenceError.notFound`, exactly like one
/// that does not exist. Each read is one snapshot; "now" is read from the clock once.
extension MusrenbangService {
    /// A page of the proposals of `query` that `viewer` may see, with the total and the counts per state of the same
    /// filter without its states. The public's pages are kept while neither the cycle's proposals nor the names they
    /// show change (`GenerationCache`).
    public func proposals(_ query: ProposalQuery, viewer: Viewer) throws -> ProposalPage {
        let now = clock.now()
        return try database.read { db in
            let cycle = try CycleCache.shared.cycle(id: query.cycleId, db)
            let resultsPublic = Visibility.kelurahanResultsArePublic(cycle: cycle, at: now)
            let lists = ProposalListRepository(db)
            guard viewer == .public else {
                // A list in rank order reads the rankings, which no generation covers: read each time.
                if case .rank = query.sort { return try lists.page(query, viewer: viewer, resultsPublic: resultsPublic) }
                // Which rows a viewer sees depends on its role, scope and account (its own proposals) and on the
                // cycle's proposals only: kept per viewer while they stand, as the public pages are.
                return try workLists.value(WorkListKey(query: query, viewer: viewer, resultsPublic: resultsPublic),
                                           generations: [CacheGeneration.proposals(of: query.cycleId), CacheGeneration.names], db: db) {
                    try lists.page(query, viewer: viewer, resultsPublic: resultsPublic)
                }
            }
            return try publishedLists.value(PublishedListKey(query: query, resultsPublic: resultsPublic),
                                            generations: [CacheGeneration.proposals(of: query.cycleId), CacheGeneration.names], db: db) {
                try lists.page(query, viewer: .public, resultsPublic: resultsPublic)
            }
        }
    }

    /// The headline figures of a cycle's published proposals (the home page): how many, how many funded and for how
    /// much; nil before they are public (the cycle's kecamatan Musrenbang has not opened). The same numbers as the
    /// public recap by status, kept while the cycle's proposals do not change.
    public func publicFigures(cycleId: CycleID) throws -> PublicFigures? {
        let now = clock.now()
        return try database.read { db in
            guard Visibility.kelurahanResultsArePublic(cycle: try CycleCache.shared.cycle(id: cycleId, db), at: now) else { return nil }
            return try publishedFigures.value(cycleId, generations: [CacheGeneration.proposals(of: cycleId)], db: db) {
                PublicFigures(statusRecap: try RecapRepository(db).recap(cycleId: cycleId, by: .status, includeDrafts: false))
            }
        }
    }

    /// What a list may be filtered by: the city's kecamatan with their kelurahan, every bidang and OPD (all public),
    /// kept while none of them changes.
    public func listChoices(kotaId: KotaID) throws -> ListChoices {
        try database.read { db in
            try publicListChoices.value(kotaId, generations: [CacheGeneration.names], db: db) {
                let wilayah = WilayahRepository(db), catalog = CatalogRepository(db)
                let kecamatan = try wilayah.kecamatanList(kotaId: kotaId)
                let ids = Set(kecamatan.map(\.id))
                return ListChoices(kecamatan: kecamatan, kelurahan: try wilayah.kelurahanList().filter { ids.contains($0.kecamatanId) },
                                   bidang: try catalog.bidangList(), opd: try catalog.opdList())
            }
        }
    }

    /// What `viewer` may see of a proposal (`.publicOnly` or `.full`); `notFound` when nothing.
    public func access(to ref: ProposalRef, viewer: Viewer) throws -> ProposalAccess {
        let now = clock.now()
        return try database.read { db in try Self.visible(ref, viewer: viewer, at: now, db: db).access }
    }

    /// The public page of a proposal with its timeline, for any viewer who may see the proposal.
    public func publicProposal(_ ref: ProposalRef, viewer: Viewer) throws -> PublicProposal {
        let now = clock.now()
        return try database.read { db in
            let (proposal, _) = try Self.visible(ref, viewer: viewer, at: now, db: db)
            return try PublicReadRepository(db).publicProposal(proposal, history: try EventRepository(db).history(of: proposal.id))
        }
    }

    /// The whole proposal with its history, attachments, photos and its public wording, in one snapshot (the history
    /// read once), for a viewer with full access (its proposer, its scoped staff, Bappeda); `notFound` for anyone
    /// else (who may still read `publicProposal`).
    public func proposalDetail(_ ref: ProposalRef, viewer: Viewer) throws -> ProposalDetail {
        let now = clock.now()
        return try database.read { db in
            // The detail is the same for everyone who may see it, so it is kept while the proposal's generations stand
            // (one indexed read); who may see it is decided anew on every read.
            guard let (id, stamp) = try Self.detailStamp(ref, db: db) else { throw PersistenceError.notFound(ref.description) }
            var detail = try proposalDetails.value(id, stamp: stamp, db: db) { try Self.loadDetail(id, db: db) }
            // A ranking run rewrites thousands of ranks at once, so they have no generation: read anew (one query).
            (detail.proposal.scores, detail.proposal.ranks) = try ProposalRepository(db).rankings(of: id)
            let cycle = try CycleCache.shared.cycle(id: detail.proposal.cycleId, db)
            guard Visibility.access(detail.proposal, viewer: viewer, cycle: cycle, at: now) == .full else {
                throw PersistenceError.notFound(ref.description)
            }
            return detail
        }
    }

    /// The proposal's id and what its detail is read from (its version, the generation of its recommendations,
    /// attachments and photos, the names', the cycles'; Migrations/0022); nil when no proposal answers `ref`; a nil
    /// stamp when a generation is missing.
    private static func detailStamp(_ ref: ProposalRef, db: Connection) throws -> (ProposalID, [Int64]?)? {
        let columns = """
            SELECT p.id, p.version, coalesce((SELECT generation FROM proposal_generations WHERE proposal_id = p.id), 0) AS own,
                (SELECT generation FROM cache_generations WHERE name = ?1) AS names,
                (SELECT generation FROM cache_generations WHERE name = ?2) AS cycles
            FROM proposals p
            """
        let row = switch ref {
        case .id(let id): try db.queryOne(columns + " WHERE p.id = ?3", [CacheGeneration.names, CacheGeneration.cycles, id.rawValue])
        case .code(let code):
            try db.queryOne(columns + " WHERE p.tracking_code = ?3", [CacheGeneration.names, CacheGeneration.cycles, code.description])
        }
        guard let row else { return nil }
        let generations = [try row.get("version", as: Int64?.self), try row.get("own", as: Int64?.self),
                           try row.get("names", as: Int64?.self), try row.get("cycles", as: Int64?.self)]
        let stamp = generations.contains(nil) ? nil : generations.compactMap { $0 }
        return (ProposalID(try row.get("id")), stamp)
    }

    /// The whole detail of proposal `id`, read in `db`'s snapshot.
    private static func loadDetail(_ id: ProposalID, db: Connection) throws -> ProposalDetail {
        var proposal = try ProposalRepository(db).proposal(id: id)
        proposal.attachments = try AttachmentRepository(db).list(proposalId: id)
        let history = try EventRepository(db).history(of: id)
        return ProposalDetail(proposal: proposal, history: history,
                              publicView: try PublicReadRepository(db).publicProposal(proposal, history: history, withProposerNames: true),
                              photos: try ProposalPhotoRepository(db).list(proposalId: id))
    }

    /// An allocation run with every decision and its reason: for the envelope's own staff and Bappeda, and for
    /// everyone once the level's results are public (`Visibility.canViewResults`).
    public func allocationRun(_ runId: Int64, viewer: Viewer) throws -> AllocationRunView {
        try visibleRun(viewer: viewer, missing: "alokasi \(runId)") { try AllocationRepository($0).run(id: runId) }
    }

    /// The latest allocation run of an envelope (the one in force), under the same rule as `allocationRun`.
    public func latestAllocationRun(_ envelope: FundingEnvelope, cycleId: CycleID, viewer: Viewer) throws -> AllocationRunView {
        try visibleRun(viewer: viewer, missing: "alokasi \(envelope)") {
            try AllocationRepository($0).latestRun(cycleId: cycleId, envelope: envelope)
        }
    }

    /// The run `find` reads, as a view, when `viewer` may see its level's results; `notFound` otherwise.
    private func visibleRun(viewer: Viewer, missing: String, _ find: (Connection) throws -> AllocationRun?) throws -> AllocationRunView {
        let now = clock.now()
        return try database.read { db in
            guard let run = try find(db),
                  Visibility.canViewResults(of: run.envelope.lockKey, viewer: viewer, cycle: try CycleRepository(db).cycle(id: run.cycleId),
                                            at: now) else {
                throw PersistenceError.notFound(missing)
            }
            return try PublicReadRepository(db).allocationRun(run)
        }
    }

    /// A signed berita acara with its final allocation run, under the same rule as `allocationRun`.
    public func beritaAcara(_ key: LockKey, cycleId: CycleID, viewer: Viewer) throws -> BeritaAcara {
        let now = clock.now()
        return try database.read { db in
            guard Visibility.canViewResults(of: key, viewer: viewer, cycle: try CycleRepository(db).cycle(id: cycleId), at: now),
                  let beritaAcara = try PublicReadRepository(db).beritaAcara(key, cycleId: cycleId) else {
                throw PersistenceError.notFound("berita acara \(key)")
            }
            return beritaAcara
        }
    }

    /// The proposal behind `ref` with the viewer's access; `notFound` when missing or hidden from the viewer.
    static func visible(_ ref: ProposalRef, viewer: Viewer, at now: Date, db: Connection) throws -> (proposal: Proposal, access: ProposalAccess) {
        let proposals = ProposalRepository(db)
        let proposal: Proposal
        do {
            proposal = switch ref {
            case .id(let id): try proposals.proposal(id: id)
            case .code(let code): try proposals.proposal(trackingCode: code)
            }
        } catch PersistenceError.notFound {
            throw PersistenceError.notFound(ref.description)
        }
        let access = Visibility.access(proposal, viewer: viewer, cycle: try CycleCache.shared.cycle(id: proposal.cycleId, db), at: now)
        guard access != .hidden else { throw PersistenceError.notFound(ref.description) }
        return (proposal, access)
    }
}

/// What a public list's kept page depends on besides the proposals: the query, and whether the cycle is public now.
struct PublishedListKey: Hashable, Sendable {
    var query: ProposalQuery
    var resultsPublic: Bool
}

/// What a kept work list depends on besides the generations: the query, who reads it, and whether results are public.
struct WorkListKey: Hashable, Sendable {
    var query: ProposalQuery
    var viewer: Viewer
    var resultsPublic: Bool
}
