import Foundation
import HTTPServer
import Musrenbang

/// Resident registration (`/daftar`): the form, its "Lanjut" steps through kelurahan -> RW -> RT, and the account
/// made and signed in.
extension Portal {
    func registrationRoutes(_ routes: inout RouteTable) {
        routes.get("/daftar") { [self] request in
            handle(request) { context in
                if context.account != nil { return .redirect(to: "/") }
                return try registrationPage(RegistrationForm(), context)
            }
        }
        // Hashes the new password: on the long-running pool (see `WorkerLane`).
        routes.post("/daftar", lane: .longRunning) { [self] request in
            handle(request) { context in try register(context) }
        }
    }

    /// A step shows the next list; otherwise the domain checks everything: 422 with every error, or the new account
    /// signed in and on to the home page with a flash.
    private func register(_ context: RequestContext) throws -> HTTPResponse {
        let submitted = try verifiedForm(context)
        if context.account != nil { return .redirect(to: "/") }
        var form = RegistrationForm(fields: submitted.firstValues)
        if form.isStep {
            let choices = try service.residenceChoices(kelurahanId: form.registration.kelurahanId, rwId: form.registration.rwId)
            form.dropMismatched(choices)
            return try registrationPage(form, context)
        }
        do {
            let account = try passwordGate.run { try service.registerResident(form.registration) }
            return try startSession(for: account, context: context, next: "/", flash: "Akun Anda sudah dibuat. Selamat datang, \(account.displayName).")
        } catch DomainError.invalidFields(let errors) {
            form.errors = errors
            return try registrationPage(form, context, status: .unprocessableContent)
        }
    }

    private func registrationPage(_ form: RegistrationForm, _ context: RequestContext, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let choices = try service.residenceChoices(kelurahanId: form.registration.kelurahanId, rwId: form.registration.rwId)
        let title = status == .unprocessableContent ? "Ada yang perlu diperbaiki: Daftar" : "Daftar"
        return page(title, context, status: status, RegistrationView.render(form, choices: choices, csrfToken: context.csrfToken))
    }
}
