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
        var done: [String] = [], changed: [String] = [], refused: [String] = []
        for pick in form.picks {
            let code = pick.code.description
            do {
                // Read as the verifier first: a proposal outside its unit is "not found", whatever its version.
                _ = try service.proposalDetail(.code(pick.code), viewer: .actor(verifier.actor))
                let input = TransitionInput(decision.action, expectedVersion: pick.version,
                                            reason: form.trimmedReason.isEmpty ? nil : form.trimmedReason)
                try service.apply(input, to: .code(pick.code), by: verifier.actor)
                done.append(code)
            } catch DomainError.staleVersion {
                changed.append(code)
            } catch let error as DomainError where error != .notInScope {
                refused.append("\(code): \(error.message)")
            } catch DomainError.notInScope, PersistenceError.notFound {
                refused.append("\(code): tidak ditemukan dalam daftar Anda.")
            }
        }
        var flash: [String] = []
        if !done.isEmpty { flash.append("\(done.count) usulan \(decision.done): \(done.joined(separator: ", ")).") }
        if !changed.isEmpty {
            flash.append("\(changed.count) usulan tidak diubah karena sudah berubah sejak daftar dimuat: \(changed.joined(separator: ", ")). Periksa lagi.")
        }
        if !refused.isEmpty { flash.append("Tidak dapat dilakukan untuk " + refused.joined(separator: " ")) }
        if let session = context.session { try sessions.setFlash(flash.joined(separator: " "), idHash: session.idHash) }
        return .redirect(to: form.returnTo)
    }
}
