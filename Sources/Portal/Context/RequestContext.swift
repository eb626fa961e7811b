import Foundation
import HTTPServer
import Musrenbang

/// Everything a handler knows about one request, made once: the request, the time, the session with its account
/// and the role it acts in, and the CSRF token its forms carry.
struct RequestContext {
    let request: HTTPRequest
    let now: Date
    /// The live session (nil: not signed in).
    var session: WebSession?
    /// The signed-in account (active) and, once chosen or when it holds one role, the actor it acts as.
    var account: Account?
    var actor: Actor?
    /// A resident's unread notifications, for the header (nil: not acting as a resident, or the count failed).
    var unreadNotifications: Int?
    /// The CSRF token of a visitor without a session (double-submit cookie `csrf`); `newAnonymousToken` is set when
    /// this response must send it.
    var anonymousToken: String
    var newAnonymousToken: Bool
    /// A message from the previous action, shown once.
    var flash: String?

    /// The token every form of this page carries in `_csrf`.
    var csrfToken: String { session?.csrfToken ?? anonymousToken }

    /// Where to come back to after signing in: this request's path and query.
    var returnPath: String { request.target }
}

/// A request of a signed-in account acting in a role. Making one is the authentication check: it throws
/// `signInRequired` without a session, `roleChoiceRequired` while an account with several roles has not chosen.
struct SignedIn {
    let context: RequestContext
    let account: Account
    let actor: Actor

    init(_ context: RequestContext) throws(PortalError) {
        guard let account = context.account else { throw .signInRequired(returnTo: context.returnPath) }
        guard let actor = context.actor else { throw .roleChoiceRequired(returnTo: context.returnPath) }
        self.context = context
        self.account = account
        self.actor = actor
    }
}
