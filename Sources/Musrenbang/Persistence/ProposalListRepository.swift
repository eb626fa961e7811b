import Foundation
import Storage

/// Viewer-scoped proposal lists (`ProposalQuery`): one page, its total and the counts per state, every query
/// narrowed by the viewer's visibility as SQL (`VisibilityCondition`) so that pages and counts hold only what the
/// viewer may see. All values are bound; the free text goes through `FTSQuery` into `proposal_search MATCH ?`.
struct ProposalListRepository {
    let db: Connection
    init(_ db: Connection) { self.db = db }

    /// The page of `query` that `viewer` may see; `resultsPublic` is the cycle's
    /// `Visibility.kelurahanResultsArePublic` now.
    func page(_ query: ProposalQuery, viewer: Viewer, resultsPublic: Bool) throws -> ProposalPage {
        let pageSize = query.boundedPageSize, page = query.boundedPage
        let search = query.text.flatMap(FTSQuery.init)
        let base = Self.baseCondition(query, viewer: viewer, resultsPublic: resultsPublic, search: search, scanById: false)
        // Grouped in the order of the covering index the filter uses (area or OPD, stage, status): no temporary b-tree.
        var counts: [ProposalState: Int] = [:]
        try db.forEachRow("""
            SELECT p.stage, p.status, count(*) FROM proposals p WHERE \(base.sql) GROUP BY \(Self.countGrouping(query, text: search != nil))
            """, base.arguments) { row in
            counts[ProposalState(try Stored.value(row, "stage"), try Stored.value(row, "status")), default: 0] += try row.get(2)
        }
        let wanted = Set(query.states)
        let total = counts.reduce(0) { sum, entry in wanted.isEmpty || wanted.contains(entry.key) ? sum + entry.value : sum }
        var ordered: [(ProposalID, Int?)] = []
        if total > (page - 1) * pageSize {
            var join = SQLFragment("")
            if case .rank(let level) = query.sort {
                join = SQLFragment("LEFT JOIN proposal_rankings k ON k.proposal_id = p.id AND k.level = ?", [level.rawValue])
            }
            let narrowed = query.kecamatanId != nil || query.kelurahanId != nil || query.rwId != nil || query.rtId != nil
                || query.routedOPDId != nil
                || query.ownOnly
            let byId = query.sort == .newest || query.sort == .oldest
            let paged = Self.baseCondition(query, viewer: viewer, resultsPublic: resultsPublic, search: search,
                                           scanById: byId && !narrowed)
            let condition = SQLFragment.and([paged, Self.stateCondition(query.states)])
            let rank = join.sql.isEmpty ? "NULL" : "k.rank"
            let sql = "SELECT p.id, \(rank) FROM proposals p \(join.sql) WHERE \(condition.sql) ORDER BY \(Self.order(query.sort)) LIMIT ? OFFSET ?"
            try db.forEachRow(sql, StatementArguments(join.values + condition.values + [pageSize, (page - 1) * pageSize])) { row in
                ordered.append((ProposalID(try row.get(0)), try row.get(1)))
            }
        }
        let byId = try summaries(ids: ordered.map(\.0))
        let rows = ordered.compactMap { id, rank -> ProposalSummary? in
            guard var summary = byId[id] else { return nil }
            summary.rank = rank
            return summary
        }
        return ProposalPage(rows: rows, total: total, page: page, pageSize: pageSize, countsByState: counts)
    }

    /// List rows of these proposals with their area, bidang, kamus and routed OPD names (no visibility check).
    func summaries(ids: [ProposalID]) throws -> [ProposalID: ProposalSummary] {
        if ids.isEmpty { return [:] }
        let json = "[" + ids.map { String($0.rawValue) }.joined(separator: ",") + "]"
        var result: [ProposalID: ProposalSummary] = [:]
        try db.forEachRow("""
            SELECT p.id, p.tracking_code, p.title, p.stage, p.status, kc.name AS kecamatan, kl.name AS kelurahan,
                rw.number AS rw, rt.number AS rt, b.name AS bidang, ku.name AS kamus, p.is_fisik, p.cost, p.effective_cost,
                ro.short_name AS routed, p.version,
                p.proposer_account_id IS NOT NULL AND p.proposer_account_id = p.entered_by AS entered_by_proposer
            FROM proposals p JOIN kecamatan kc ON kc.id = p.kecamatan_id JOIN kelurahan kl ON kl.id = p.kelurahan_id
            LEFT JOIN rw ON rw.id = p.rw_id LEFT JOIN rt ON rt.id = p.rt_id JOIN bidang b ON b.id = p.bidang_id
            JOIN kamus_usulan ku ON ku.id = p.kamus_id LEFT JOIN opd ro ON ro.id = p.routed_opd_id
            WHERE p.id IN (SELECT value FROM json_each(?))
            """, [json]) { row in
            let codeText: String = try row.get("tracking_code")
            guard let code = TrackingCode(parsing: codeText) else { throw PersistenceError.corrupt("tracking_code \(codeText)") }
            let id = ProposalID(try row.get("id"))
            result[id] = ProposalSummary(
                id: id, trackingCode: code, title: try row.get("title"),
                state: ProposalState(try Stored.value(row, "stage"), try Stored.value(row, "status")),
                kecamatanName: try row.get("kecamatan"), kelurahanName: try row.get("kelurahan"), rwNumber: try row.get("rw"),
                rtNumber: try row.get("rt"), bidangName: try row.get("bidang"), kamusName: try row.get("kamus"),
                isFisik: try row.get("is_fisik"), cost: try row.get("cost"), effectiveCost: try row.get("effective_cost"),
                routedOPDName: try row.get("routed"), rank: nil, version: try row.get("version"),
                enteredByProposer: try row.get("entered_by_proposer"))
        }
        return result
    }

    /// Every filter of `query` but its states, and the viewer's visibility; `search` is the text as an FTS5 expression,
    /// bound (never spliced) in a subquery that SQLite reads once per statement into a list of ids.
    /// The cycle is written `+p.cycle_id` (no index use) when the rows are better found another way: by the ids of the
    /// text matches, or (`scanById`: a page sorted by id without an area / OPD / own filter) by reading the table in
    /// id order and stopping at the page, where a cycle's index would read and sort the whole cycle.
    static func baseCondition(_ query: ProposalQuery, viewer: Viewer, resultsPublic: Bool, search: FTSQuery?,
                              scanById: Bool) -> SQLFragment {
        let cycle = search != nil || scanById ? "+p.cycle_id = ?" : "p.cycle_id = ?"
        var parts = [SQLFragment(cycle, [query.cycleId.rawValue])]
        func add(_ sql: String, _ value: (any SQLBindable)?) {
            if let value { parts.append(SQLFragment(sql, [value])) }
        }
        add("p.kecamatan_id = ?", query.kecamatanId?.rawValue)
        add("p.kelurahan_id = ?", query.kelurahanId?.rawValue)
        add("p.rw_id = ?", query.rwId?.rawValue)
        add("p.rt_id = ?", query.rtId?.rawValue)
        add("p.bidang_id = ?", query.bidangId?.rawValue)
        add("p.opd_id = ?", query.opdId?.rawValue)
        add("p.routed_opd_id = ?", query.routedOPDId?.rawValue)
        add("p.is_fisik = ?", query.isFisik)
        if let funded = query.funded {
            parts.append(SQLFragment("p.status \(funded ? "IN" : "NOT IN") \(ProposalStatus.fundedSQLList)"))
        }
        add("p.effective_cost >= ?", query.minCost)
        add("p.effective_cost <= ?", query.maxCost)
        if let search {
            parts.append(SQLFragment("p.id IN (SELECT rowid FROM proposal_search WHERE proposal_search MATCH ?)", [search.expression]))
        }
        if query.ownOnly { parts.append(viewer.actor.map { VisibilityCondition.own($0.accountId) } ?? .none) }
        parts.append(VisibilityCondition.fragment(for: viewer, cycleId: query.cycleId, resultsPublic: resultsPublic))
        return .and(parts)
    }

    /// The GROUP BY of the counts: the columns of the covering index the filter is read with (Migrations/0002, 0004),
    /// so that SQLite groups in index order; the text matches are read by id, a few thousand rows at most.
    static func countGrouping(_ query: ProposalQuery, text: Bool) -> String {
        if text || query.rwId != nil || query.rtId != nil || query.ownOnly { return "p.stage, p.status" }
        if query.kelurahanId != nil { return "p.kelurahan_id, p.stage, p.status" }
        if query.routedOPDId != nil { return "p.routed_opd_id, p.stage, p.status" }
        if query.kecamatanId != nil { return "p.kecamatan_id, p.stage, p.status" }
        if query.bidangId != nil { return "p.bidang_id, p.stage, p.status" }
        if query.opdId != nil { return "p.opd_id, p.stage, p.status" }
        return "p.kecamatan_id, p.stage, p.status"
    }

    /// `states` as SQL (empty: any).
    static func stateCondition(_ states: [ProposalState]) -> SQLFragment {
        guard !states.isEmpty else { return .all }
        return .or(states.map { SQLFragment("p.stage = ? AND p.status = ?", [$0.stage.rawValue, $0.status.rawValue]) })
    }

    /// The ORDER BY of a sort (fixed text per case; ties by id).
    static func order(_ sort: ProposalSort) -> String {
        switch sort {
        case .newest: "p.id DESC"
        case .oldest: "p.id"
        case .costAscending: "p.effective_cost, p.id"
        case .costDescending: "p.effective_cost DESC, p.id DESC"
        case .rank: "k.rank IS NULL, k.rank, p.id"
        case .trackingCode: "p.tracking_code, p.id"
        case .title: "p.title COLLATE NOCASE, p.id"
        }
    }
}
