import Foundation
import HTTPServer
import Musrenbang

/// A resident's own proposals (`/usulan/saya`): the list, one proposal's page (404 for anyone but its owner), and
/// the resident's actions on it: resubmit a returned proposal, carry an unfunded one into the current cycle.
extension Portal {
    func myProposalsRoutes(_ routes: inout RouteTable) {
        routes.get(MyProposalsPaths.list) { [self] request in
            handle(request) { context in
                let resident = try Resident(context)
                let lists = try service.ownProposals(viewer: .actor(resident.actor))
                return page("Usulan saya", context, MyProposalsView.render(lists, currentCycleId: try service.currentCycle()?.id))
            }
        }
        routes.get(MyProposalsPaths.list + "/:kode") { [self] request in
            handle(request) { context in
                let resident = try Resident(context)
                return try ownProposalPage(try ownProposal(request.pathParameters["kode"], resident), context: context)
            }
        }
        routes.post(MyProposalsPaths.list + "/:kode/ajukan") { [self] request in
            handle(request) { context in
                try residentAction(context) { resident, full, version in
                    let updated = try service.apply(TransitionInput(.ajukan, expectedVersion: version), to: .id(full.proposal.id),
                                                    by: resident.actor)
                    return ("Usulan \(full.code.description) diajukan kembali. Sekarang: \(StateWords.text(updated.state)).",
                            MyProposalsPaths.proposal(updated.trackingCode))
                }
            }
        }
        routes.post(MyProposalsPaths.list + "/:kode/bawa") { [self] request in
            handle(request) { context in
                try residentAction(context) { resident, full, version in
                    guard let current = try service.currentCycle() else { throw DomainError.missingInput(field: "siklus tujuan") }
                    let carried = try service.carryOver(.id(full.proposal.id), expectedVersion: version, into: current.id, by: resident.actor)
                    return ("Usulan \(full.code.description) dibawa ke \(current.name) sebagai draf \(carried.trackingCode.description). "
                                + "Periksa isinya, ubah bila perlu, lalu ajukan.",
                            MyProposalsPaths.proposal(carried.trackingCode))
                }
            }
        }
    }

    /// The resident's own proposal behind `code`; `notFound` when it is not theirs (never saying it exists).
    private func ownProposal(_ code: String?, _ resident: Resident) throws -> FullProposal {
        let full = try fullProposal(code, actor: resident.actor)
        guard resident.owns(full.proposal) else { throw PortalError.notFound }
        return full
    }

    private func ownProposalPage(_ full: FullProposal, context: RequestContext, status: HTTPStatus = .ok,
                                 notice: RefusalNotice? = nil) throws -> HTTPResponse {
        // Most proposals are of the current cycle: one cycle read for both then.
        let current = try service.currentCycle()
        let cycle = try current.flatMap { $0.id == full.proposal.cycleId ? $0 : nil } ?? service.cycle(id: full.proposal.cycleId)
        let actions = ResidentActions(full, cycle: cycle, current: current, now: context.now)
        return page(full.proposal.title, context, status: status,
                    MyProposalView.render(full, actions: actions, csrfToken: context.csrfToken, notice: notice))
    }

    /// Runs one of the resident's actions at the version the page showed: a stale version is the 409 page, any other
    /// refusal of the engine the proposal's page again with its rule; success goes where `body` says, with its flash.
    private func residentAction(_ context: RequestContext,
                                _ body: (Resident, FullProposal, Int64) throws -> (flash: String, next: String)) throws -> HTTPResponse {
        let resident = try Resident(context)
        let form = ProposalVersionForm(try verifiedForm(context))
        let code = context.request.pathParameters["kode"]
        let full = try ownProposal(code, resident)
        guard let version = form.version else {
            return try ownProposalPage(full, context: context, status: .unprocessableContent, notice: ProposalVersionForm.incomplete)
        }
        let done: (flash: String, next: String)
        do {
            done = try body(resident, full, version)
        } catch DomainError.staleVersion {
            return conflictPage(context, current: try? ownProposal(code, resident), proposalPath: MyProposalsPaths.proposal(full.code),
                                back: (MyProposalsPaths.list, "Kembali ke usulan saya"))
        } catch let error as DomainError where error != .notInScope {
            let status: HTTPStatus = if case .roleNotAllowed = error { .forbidden } else { .unprocessableContent }
            return try ownProposalPage(full, context: context, status: status, notice: RefusalNotice(error))
        }
        if let session = context.session { try sessions.setFlash(done.flash, idHash: session.idHash) }
        return .redirect(to: done.next)
    }
}
