import Foundation
import Storage

extension MusrenbangService {
    /// Every proposal the viewer proposed or entered, per cycle (newest budget year first, cycles without any left
    /// out), in one snapshot; nothing for the public.
    public func ownProposals(viewer: Viewer) throws -> [OwnProposals] {
        guard viewer.actor != nil else { return [] }
        let now = clock.now()
        return try database.read { db in
            let lists = ProposalListRepository(db)
            return try CycleCache.shared.all(db).compactMap { cycle -> OwnProposals? in
                let resultsPublic = Visibility.kelurahanResultsArePublic(cycle: cycle, at: now)
                var query = ProposalQuery(cycleId: cycle.id, ownOnly: true, sort: .newest, pageSize: ProposalQuery.maxPageSize)
                var rows: [ProposalSummary] = []
                while true {
                    let page = try lists.page(query, viewer: viewer, resultsPublic: resultsPublic)
                    rows += page.rows
                    guard page.page < page.pageCount else { break }
                    query.page += 1
                }
                return rows.isEmpty ? nil : OwnProposals(cycle: cycle, proposals: rows)
            }
        }
    }
}
