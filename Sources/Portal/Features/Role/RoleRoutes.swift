import Foundation
import HTTPServer
import Musrenbang

/// The role an account with several roles acts in (`/peran`); the choice is kept in the session, under a new id.
extension Portal {
    func roleRoutes(_ routes: inout RouteTable) {
        routes.get("/peran") { [self] request in
            handle(request) { context in
                guard let account = context.account else { throw PortalError.signInRequired(returnTo: context.returnPath) }
                let returnTo = Self.localPath(request.queryValue("kembali"))
                return page("Pilih peran", context, RoleView.render(account: account, current: context.actor, returnTo: returnTo,
                                                                    labels: roleLabels(account), csrfToken: context.csrfToken))
            }
        }
        routes.post("/peran") { [self] request in
            handle(request) { context in
                guard let account = context.account, let session = context.session else {
                    throw PortalError.signInRequired(returnTo: "/peran")
                }
                let form = try verifiedForm(context)
                let returnTo = Self.localPath(form["kembali"])
                guard let chosen = account.roles.first(where: { $0.key == form["peran"] }) else {
                    return page("Pilih peran", context, status: .unprocessableContent,
                                RoleView.render(account: account, current: context.actor, returnTo: returnTo, labels: roleLabels(account),
                                                csrfToken: context.csrfToken, error: "Pilih salah satu peran Anda."))
                }
                let (token, next) = try sessions.changeRole(of: session, to: chosen.key, at: context.now)
                try sessions.setFlash("Anda sekarang bertindak sebagai \(RoleLabel.text(chosen, database: service.database)).",
                                      idHash: next.idHash)
                var response = HTTPResponse.redirect(to: returnTo)
                response.setCookie(try sessionCookie(token))
                return response
            }
        }
    }

    private func roleLabels(_ account: Account) -> [String: String] {
        Dictionary(account.roles.map { ($0.key, RoleLabel.text($0, database: service.database)) }, uniquingKeysWith: { first, _ in first })
    }
}
