import Foundation
import HTTPServer
import Musrenbang

/// Sign-in (`/masuk`) and sign-out (`/keluar`).
extension Portal {
    func signInRoutes(_ routes: inout RouteTable) {
        routes.get("/masuk") { [self] request in
            handle(request) { context in
                let form = SignInForm(returnTo: request.queryValue("kembali") ?? "/")
                if context.account != nil { return .redirect(to: form.returnTo) }
                return page("Masuk", context, SignInView.render(form, csrfToken: context.csrfToken))
            }
        }
        // The password check may wait for a hashing slot: on the long-running pool, never holding a page's thread.
        routes.post("/masuk", lane: .longRunning) { [self] request in
            handle(request) { context in try signIn(context) }
        }
        routes.post("/keluar") { [self] request in
            handle(request) { context in
                _ = try verifiedForm(context)
                if let session = context.session { try sessions.delete(idHash: session.idHash) }
                var response = HTTPResponse.redirect(to: "/")
                response.setCookie(try deletedSessionCookie())
                return response
            }
        }
    }

    /// Checks the form, the throttle and the password (bounded by the gate); on success a new session (a new id)
    /// and on to the page asked for, or to the role choice for an account with several roles.
    private func signIn(_ context: RequestContext) throws -> HTTPResponse {
        let submitted = try verifiedForm(context)
        var form = SignInForm(fields: submitted.firstValues)
        guard form.errors.isEmpty else {
            return page("Masuk", context, status: .unprocessableContent, SignInView.render(form, csrfToken: context.csrfToken))
        }
        let keys = SignInThrottle.keys(username: form.username, remoteAddress: ClientAddress.of(context.request))
        let wait = throttle.wait(for: keys, at: context.now)
        guard wait == 0 else {
            var response = page("Masuk", context, status: .tooManyRequests, SignInView.render(form, csrfToken: context.csrfToken, notice:
                "Terlalu banyak percobaan masuk yang gagal. Demi keamanan akun, tunggu \(Self.duration(wait)) lalu coba lagi."))
            response.headers.set("Retry-After", String(wait))
            return response
        }
        let account = try passwordGate.run { try service.authenticateAccount(username: form.username, password: form.password) }
        guard let account else {
            throttle.fail(keys, at: context.now)
            form.errors = [FieldError(field: "kata_sandi", message: "Nama pengguna atau kata sandi salah. Periksa lagi, lalu coba lagi.")]
            return page("Masuk", context, status: .unprocessableContent, SignInView.render(form, csrfToken: context.csrfToken))
        }
        throttle.clear(keys[0])
        let next = account.roles.count > 1 ? "/peran?kembali=" + Self.queryEncode(form.returnTo) : form.returnTo
        return try startSession(for: account, context: context, next: next)
    }

    /// "45 detik", "2 menit".
    static func duration(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) detik" : "\((seconds + 59) / 60) menit"
    }
}
