import HTTPServer
import Musrenbang

extension Portal {
    /// Back to the work list after a bulk action, with the outcome's flash.
    func finishBulk(_ outcome: BulkOutcome, verb: String, context: RequestContext, returnTo: String) throws -> HTTPResponse {
        if let session = context.session { try sessions.setFlash(outcome.flash(verb: verb), idHash: session.idHash) }
        return .redirect(to: returnTo)
    }
}
