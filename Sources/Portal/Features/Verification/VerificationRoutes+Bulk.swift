import Foundation
import HTTPServer
import Musrenbang

extension Portal {
    /// Applies one decision to every ticked proposal, each at the version the queue showed and each in its own
    /// transaction: a refused form is the queue again (422) with the ticks and the note kept; otherwise back to the
    /// queue with a flash naming what was done and, per proposal, what was not (changed meanwhile, or refused with its
    /// rule). Nothing is left half-applied without being named.
    func verifyMany(_ context: RequestContext) throws -> HTTPResponse {
        let verifier = try Verifier(context)
        let submitted = try verifiedForm(context)
        let form = VerificationBulkForm(submitted, verifier: verifier)
        guard form.errors.isEmpty, let decision = form.decision else {
            return try verificationQueue(context, bulk: form, status: .unprocessableContent)
        }
        var outcome = BulkOutcome(notFound: "tidak ditemukan dalam daftar Anda.")
        for pick in form.picks {
            try outcome.record(pick.code) {
                // Read as the verifier first: a proposal outside its unit is "not found", whatever its version.
                _ = try service.proposalDetail(.code(pick.code), viewer: .actor(verifier.actor))
                let input = TransitionInput(decision.action, expectedVersion: pick.version,
                                            reason: form.trimmedReason.isEmpty ? nil : form.trimmedReason)
                try service.apply(input, to: .code(pick.code), by: verifier.actor)
                return .done
            }
        }
        return try finishBulk(outcome, verb: decision.done, context: context, returnTo: form.returnTo)
    }
}
