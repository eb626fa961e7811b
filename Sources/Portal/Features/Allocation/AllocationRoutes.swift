import Foundation
import HTTPServer
import Musrenbang

/// The meeting's allocation (`/kerja/alokasi`): the latest run on GET; "Jalankan alokasi" (POST, engine `runAllocation`)
/// stores a new draft run and comes back to it. Nothing moves until the berita acara applies the reviewed run.
extension Portal {
    func allocationRoutes(_ routes: inout RouteTable) {
        routes.get(MeetingPaths.allocation) { [self] request in
            handle(request) { context in try allocationPage(context) }
        }
        routes.post(MeetingPaths.allocation, lane: .heavy) { [self] request in
            handle(request) { context in
                let desk = try MeetingDesk(context)
                _ = try verifiedForm(context)
                guard let situation = try MeetingSituation(desk, service: service, now: context.now) else { return noCyclePage(context) }
                let outcome: AllocationOutcome
                do {
                    outcome = try service.runAllocation(desk.envelope, cycleId: situation.cycle.id, by: desk.actor)
                } catch let error as DomainError where error != .notInScope {
                    return try allocationPage(context, status: Self.refusalStatus(error), notice: RefusalNotice(meeting: error))
                }
                let result = outcome.result
                try flash(context, "Alokasi nomor \(outcome.runId) dijalankan: \(result.funded.count) usulan didanai (F1), "
                          + "\(result.skipped.count) diteruskan (F2), sisa pagu \(Rupiah.format(result.remaining)).")
                return .redirect(to: MeetingPaths.allocation)
            }
        }
    }

    private func allocationPage(_ context: RequestContext, status: HTTPStatus = .ok, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let desk = try MeetingDesk(context)
        guard let situation = try MeetingSituation(desk, service: service, now: context.now) else { return noCyclePage(context) }
        let sheet = try AllocationSheet(desk, cycleId: situation.cycle.id, service: service)
        return page("Alokasi pagu", context, status: status,
                    AllocationView.render(situation, sheet: sheet, pages: AllocationPages(context.request), csrfToken: context.csrfToken, notice: notice))
    }
}
