import Foundation
import HTTPServer
import Musrenbang

/// The staff home (`/kerja`): the signed-in role's tasks with counts and links; residents get 403 with the rule.
extension Portal {
    func staffHomeRoutes(_ routes: inout RouteTable) {
        routes.get("/kerja") { [self] request in
            handle(request) { context in
                let signedIn = try SignedIn(context)
                let actor = signedIn.actor
                guard actor.role != .warga else { throw PortalError.forbidden(StaffHome.rule) }
                let cycle = try service.currentCycle()
                let waiting = try cycle.flatMap { try waitingCount(context, cycle: $0) }
                let routing = try cycle.flatMap { try routingCount(context, cycle: $0) }
                let feedback = try FeedbackRules.deskUnit(of: actor).map { _ in
                    try service.feedbackQueue(FeedbackQuery(statuses: FeedbackTab.menunggu.statuses, pageSize: 1), viewer: actor).total
                }
                let label = RoleLabel.text(role: actor.role, scope: actor.scope, database: service.database)
                let tasks = StaffHome.tasks(for: actor.role, waiting: waiting, routing: routing, returned: try returnedCount(context),
                                            feedback: feedback)
                return page("Halaman kerja", context, StaffHomeView.render(roleLabel: label, cycle: cycle, tasks: tasks))
            }
        }
    }

    /// How many proposals of the current cycle wait for the signed-in head's or verifier's decision (nil for other roles).
    private func waitingCount(_ context: RequestContext, cycle: Cycle) throws -> Int? {
        if let head = try? AreaHead(context) {
            return try service.proposals(head.query(cycleId: cycle.id, states: [head.waiting], page: 1), viewer: .actor(head.actor)).total
        }
        if let verifier = try? Verifier(context) {
            var query = verifier.query(cycleId: cycle.id)
            query.states = [verifier.waiting]
            query.pageSize = 1
            return try service.proposals(query, viewer: .actor(verifier.actor)).total
        }
        if let desk = try? BappedaDesk(context) {
            let query = ProposalQuery(cycleId: cycle.id, states: BappedaDesk.waiting, pageSize: 1)
            return try service.proposals(query, viewer: .actor(desk.actor)).total
        }
        return nil
    }

    /// The kelurahan's paper forms returned for correction (nil for other roles).
    private func returnedCount(_ context: RequestContext) throws -> Int? {
        guard let worker = try? KelurahanOperator(context) else { return nil }
        return try returnedRows(worker).paperForms.count
    }

    /// The kecamatan's F2 waiting to be routed (nil for other roles).
    private func routingCount(_ context: RequestContext, cycle: Cycle) throws -> Int? {
        guard let desk = try? KecamatanDesk(context) else { return nil }
        let query = ProposalQuery(cycleId: cycle.id, kecamatanId: desk.kecamatanId, states: [KecamatanDesk.waiting], pageSize: 1)
        return try service.proposals(query, viewer: .actor(desk.actor)).total
    }
}
