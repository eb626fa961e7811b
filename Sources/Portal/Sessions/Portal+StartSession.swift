import HTTPServer
import Musrenbang

extension Portal {
    /// Signs `account` in: ends the request's old session, starts one with a new id (acting in its only role, if it has
    /// one), keeps `flash` for the next page, and redirects to `next` with the session cookie.
    func startSession(for account: Account, context: RequestContext, next: String, flash: String? = nil) throws -> HTTPResponse {
        if let old = context.session { try sessions.delete(idHash: old.idHash) }
        let acting = account.roles.count == 1 ? account.roles[0].key : nil
        let (token, session) = try sessions.create(accountId: account.id, acting: acting, at: context.now)
        if let flash { try sessions.setFlash(flash, idHash: session.idHash) }
        var response = HTTPResponse.redirect(to: next)
        response.setCookie(try sessionCookie(token))
        return response
    }
}
