import Foundation
import HTTPServer
import Musrenbang
import Storage

/// The web portal: its routes on a `Router`, over a `MusrenbangService`. Every page is built from a
/// `RequestContext` made once per request; every error becomes its page in one place (`errorResponse`).
public final class Portal: Sendable {
    public let service: MusrenbangService
    let configuration: PortalConfiguration
    let sessions: WebSessionStore
    let throttle = SignInThrottle()
    let passwordGate: PasswordCheckGate
    let layout: Layout
    /// The size limit and kinds of proposal attachments (the paper forms' scans).
    let attachmentStore: AttachmentStore
    /// Paper-form scans across a refused form, and import files between preview and confirmation.
    let heldScans = HeldUploads(capacity: 32)
    let heldImports = HeldUploads(capacity: 16)
    let heldCriteriaImports = HeldUploads(capacity: 8)
    /// The feedback form's limit per client address and its signed fill-time stamp (docs/feedback.md).
    let feedbackLimiter: SubmissionLimiter
    let feedbackStamp: FormStamp
    /// The clock of the portal (the service's, so tests move both together).
    var now: Date { service.clock.now() }

    /// A portal over `service`; reads the city's name for the header.
    public init(service: MusrenbangService, configuration: PortalConfiguration = PortalConfiguration()) throws {
        self.service = service
        self.configuration = configuration
        sessions = WebSessionStore(database: service.database, idleTimeout: configuration.idleTimeout,
                                   absoluteTimeout: configuration.absoluteTimeout)
        passwordGate = PasswordCheckGate(concurrentChecks: configuration.concurrentPasswordChecks,
                                         maxInProgress: configuration.maxSignInsInProgress)
        let city: String? = try service.database.read { db in try db.scalar("SELECT name FROM kota ORDER BY id LIMIT 1") }
        layout = Layout(cityName: city ?? "", contact: configuration.contact, clock: service.clock)
        attachmentStore = AttachmentStore()
        feedbackLimiter = SubmissionLimiter(limit: configuration.feedbackPerHour, window: 3600)
        feedbackStamp = FormStamp(minimumAge: configuration.feedbackMinimumFillSeconds)
    }

    /// Adds the portal's routes (refusing a duplicate at start) and its page for unknown paths.
    public func install(into router: inout Router) throws {
        try routeTable().register(into: &router)
        router.use(notFoundPage())
    }

    /// Every feature's routes, gathered (also read by the authorization matrix test, so that no route goes unchecked).
    func routeTable() -> RouteTable {
        var routes = RouteTable()
        homeRoutes(&routes)
        signInRoutes(&routes)
        registrationRoutes(&routes)
        roleRoutes(&routes)
        newProposalRoutes(&routes)
        editProposalRoutes(&routes)
        myProposalsRoutes(&routes)
        publicProposalRoutes(&routes)
        openDataRoutes(&routes)
        recapRoutes(&routes)
        publicCeilingRoutes(&routes)
        publicBrowseRoutes(&routes)
        endorsementRoutes(&routes)
        staffHomeRoutes(&routes)
        verificationRoutes(&routes)
        photoRoutes(&routes)
        attachmentRoutes(&routes)
        routingRoutes(&routes)
        scoringRoutes(&routes)
        allocationRoutes(&routes)
        beritaAcaraRoutes(&routes)
        paperFormRoutes(&routes)
        returnedPaperFormRoutes(&routes)
        proposalImportRoutes(&routes)
        meetingDocumentRoutes(&routes)
        ratificationRoutes(&routes)
        accountsRoutes(&routes)
        adminLogRoutes(&routes)
        cycleScheduleRoutes(&routes)
        ceilingRoutes(&routes)
        kamusRoutes(&routes)
        bidangRoutes(&routes)
        criteriaRoutes(&routes)
        opdMasterRoutes(&routes)
        commentRoutes(&routes)
        moderationRoutes(&routes)
        notificationRoutes(&routes)
        newCycleRoutes(&routes)
        ceilingInputRoutes(&routes)
        groupShareRoutes(&routes)
        wilayahRoutes(&routes)
        announcementRoutes(&routes)
        publicAnnouncementRoutes(&routes)
        feedbackRoutes(&routes)
        feedbackDeskRoutes(&routes)
        return routes
    }

    // MARK: Requests

    /// Runs a page: builds the context, calls `body`, maps any error to its page, sends a new anonymous CSRF cookie.
    func handle(_ request: HTTPRequest, _ body: (inout RequestContext) throws -> HTTPResponse) -> HTTPResponse {
        var context: RequestContext
        do {
            context = try makeContext(request)
        } catch {
            configuration.log("portal: cannot read the session of \(request.method) \(request.path): \(error)")
            return HTTPResponse.error(HTTPError(.internalServerError))
        }
        var response: HTTPResponse
        do {
            response = try body(&context)
        } catch {
            response = errorResponse(error, context: context)
        }
        if context.newAnonymousToken && context.session == nil, let cookie = try? anonymousCookie(context.anonymousToken) {
            response.setCookie(cookie)
        }
        return response
    }

    private func makeContext(_ request: HTTPRequest) throws -> RequestContext {
        let now = self.now
        let cookies = request.cookies
        let anonymous = cookies[Self.csrfCookie].flatMap { SessionToken.isWellFormed($0) ? $0 : nil }
        // A visitor without a session gets a new CSRF token when the cookie lacks one; a session carries its own, so
        // a signed-in request makes none (it would be random bytes and a cookie for nothing).
        var context = RequestContext(request: request, now: now, anonymousToken: anonymous ?? "", newAnonymousToken: false)
        func anonymousContext() -> RequestContext {
            if anonymous == nil {
                context.anonymousToken = SessionToken.make()
                context.newAnonymousToken = true
            }
            return context
        }
        guard let token = cookies[Self.sessionCookie],
              let (session, (found, unread)) = try sessions.find(token, at: now, with: { db, id in
                  // The account, and for one that holds a resident's role the header's count of unread notifications:
                  // read in the session's own snapshot, not one more read per page.
                  let account = try? AccountRepository(db).account(id: id)
                  let resident = account?.roles.contains { $0.role == .warga } ?? false
                  return (account, resident ? try? MusrenbangService.unreadNotificationCount(of: id, db: db) : nil)
              })
        else { return anonymousContext() }
        guard let account = found, account.active else {
            try sessions.delete(idHash: session.idHash)
            return anonymousContext()
        }
        context.session = session
        context.account = account
        let chosen = session.acting.flatMap { key in account.roles.first { $0.key == key } }
        let assignment = chosen ?? (account.roles.count == 1 ? account.roles.first : nil)
        context.actor = assignment.map { Actor(accountId: account.id, role: $0.role, scope: $0.scope) }
        context.unreadNotifications = context.actor?.role == .warga ? unread : nil
        if let flash = session.flash {
            context.flash = flash
            try sessions.clearFlash(idHash: session.idHash)
        }
        return context
    }

    /// A page in the layout, with the signed-in role's label in the header; `head` adds to its `<head>`.
    func page(_ title: String, _ context: RequestContext, status: HTTPStatus = .ok, head: HTML = .empty, _ content: HTML) -> HTTPResponse {
        let label = context.actor.map { RoleLabel.text(role: $0.role, scope: $0.scope, database: service.database) }
        return .page(layout.page(title: title, context: context, roleLabel: label, unread: context.unreadNotifications, head: head, content),
                     status: status)
    }

    /// The request's form (URL-encoded or multipart, within `limits`) after the CSRF and origin checks; a refused
    /// form's uploaded files are deleted at once.
    func verifiedForm(_ context: RequestContext, limits: FormLimits = FormLimits()) throws -> FormData {
        let form = try context.request.form(limits: limits)
        do {
            try CSRFCheck.verify(context.request, submitted: form[CSRFCheck.fieldName], expected: context.csrfToken)
        } catch {
            form.removeFiles()
            throw error
        }
        return form
    }

    // MARK: Cookies

    static let sessionCookie = "sesi"
    static let csrfCookie = "csrf"

    func sessionCookie(_ token: String) throws -> SetCookie {
        try SetCookie(name: Self.sessionCookie, value: token, path: "/", maxAge: Int(configuration.absoluteTimeout),
                      secure: configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }

    func anonymousCookie(_ token: String) throws -> SetCookie {
        try SetCookie(name: Self.csrfCookie, value: token, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }

    func deletedSessionCookie() throws -> SetCookie {
        try SetCookie.deletion(name: Self.sessionCookie, path: "/", secure: configuration.secureCookies)
    }

    /// A path of this site to return to (`/...`, not `//host`), else `/`.
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
              !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return "/" }
        return text
    }
}
