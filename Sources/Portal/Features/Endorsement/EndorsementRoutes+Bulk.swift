import Foundation
import HTTPServer
import Musrenbang

extension Portal {
    /// Applies one decision to every ticked proposal, each at the version the list showed and each in its own
    /// transaction: a refused form is the list again (422) with the ticks and the reason kept; otherwise back to the
    /// list with a flash that names what was done and what was not (changed meanwhile, or refused with its rule).
    func endorseMany(_ context: RequestContext) throws -> HTTPResponse {
        let head = try AreaHead(context)
        let submitted = try verifiedForm(context)
        let form = EndorsementBulkForm(submitted)
        guard form.errors.isEmpty, let decision = form.decision else {
            return try endorsementList(context, bulk: form, status: .unprocessableContent)
        }
        var outcome = BulkOutcome(notFound: "tidak ditemukan di wilayah Anda.")
        for pick in form.picks {
            try outcome.record(pick.code) {
                // Read as the head first: a proposal outside the area is "not found", whatever its version.
                _ = try service.proposalDetail(.code(pick.code), viewer: .actor(head.actor))
                let input = TransitionInput(decision.action, expectedVersion: pick.version,
                                            reason: decision == .kembalikan ? form.trimmedReason : nil)
                try service.apply(input, to: .code(pick.code), by: head.actor)
                return .done
            }
        }
        return try finishBulk(outcome, verb: decision == .setujui ? "disetujui" : "dikembalikan ke pengusul", context: context,
                              returnTo: Self.localPath(submitted["kembali"] ?? EndorsementPaths.list))
    }
}
