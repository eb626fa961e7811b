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
        var done: [String] = [], changed: [String] = [], refused: [String] = []
        for pick in form.picks {
            let code = pick.code.description
            do {
                // Read as the head first: a proposal outside the area is "not found", whatever its version.
                _ = try service.proposalDetail(.code(pick.code), viewer: .actor(head.actor))
                let input = TransitionInput(decision.action, expectedVersion: pick.version,
                                            reason: decision == .kembalikan ? form.trimmedReason : nil)
                try service.apply(input, to: .code(pick.code), by: head.actor)
                done.append(code)
            } catch DomainError.staleVersion {
                changed.append(code)
            } catch let error as DomainError where error != .notInScope {
                refused.append("\(code): \(error.message)")
            } catch DomainError.notInScope, PersistenceError.notFound {
                refused.append("\(code): tidak ditemukan di wilayah Anda.")
            }
        }
        let verb = decision == .setujui ? "disetujui" : "dikembalikan ke pengusul"
        var flash: [String] = []
        if !done.isEmpty { flash.append("\(done.count) usulan \(verb): \(done.joined(separator: ", ")).") }
        if !changed.isEmpty {
            flash.append("\(changed.count) usulan tidak diubah karena sudah berubah sejak daftar dimuat: \(changed.joined(separator: ", ")). Periksa lagi.")
        }
        if !refused.isEmpty { flash.append("Tidak dapat dilakukan untuk " + refused.joined(separator: " ")) }
        if let session = context.session { try sessions.setFlash(flash.joined(separator: " "), idHash: session.idHash) }
        return .redirect(to: Self.localPath(submitted["kembali"] ?? EndorsementPaths.list))
    }
}
