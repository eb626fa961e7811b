import Foundation
import HTTPServer
import Musrenbang

/// The admin sistem's accounts (`/kerja/akun`): the list with its filters, a new account, one account's page and its
/// actions (status, password reset, roles, hand-over). Each action is the engine's call, logged there; a refusal is
/// the page again (422) with every field error; success back to the account with a flash, except a password reset,
/// whose new password is shown on its own answer once.
extension Portal {
    func accountsRoutes(_ routes: inout RouteTable) {
        routes.get(AccountsPaths.list) { [self] request in
            handle(request) { context in
                let admin = try SystemAdmin(context)
                // The filter's choices need no RW or RT; the page's roles name only their own.
                let choices = try ScopeDirectory(database: service.database, only: [])
                let query = AccountListQuery(request, directory: choices)
                let result = try service.accounts(query.filter, offset: query.offset, limit: AccountListQuery.pageSize, by: admin.actor)
                let directory = try ScopeDirectory(database: service.database, only: Set(result.accounts.flatMap { $0.roles.map(\.scope) }))
                return page("Akun dan peran", context, AccountListView.render(result, query: query, directory: directory))
            }
        }
        routes.get(AccountsPaths.new) { [self] request in
            handle(request) { context in
                _ = try SystemAdmin(context)
                let directory = try ScopeDirectory(database: service.database, only: [])
                return page("Buat akun baru", context, NewAccountForm().render(directory: directory, csrfToken: context.csrfToken))
            }
        }
        routes.post(AccountsPaths.new) { [self] request in
            handle(request) { context in try createAccount(context) }
        }
        routes.get(AccountsPaths.list + "/:id") { [self] request in
            handle(request) { context in
                let admin = try SystemAdmin(context)
                let account = try service.account(try accountId(request), by: admin.actor)
                return try accountPage(account, context)
            }
        }
        routes.post(AccountsPaths.list + "/:id/status") { [self] request in
            handle(request) { context in try setAccountStatus(context) }
        }
        routes.post(AccountsPaths.list + "/:id/sandi") { [self] request in
            handle(request) { context in try resetAccountPassword(context) }
        }
        routes.post(AccountsPaths.list + "/:id/peran") { [self] request in
            handle(request) { context in try changeAccountRole(context) }
        }
        routes.post(AccountsPaths.list + "/:id/serahkan") { [self] request in
            handle(request) { context in try handOverAccountRole(context) }
        }
    }

    private func accountId(_ request: HTTPRequest) throws -> AccountID {
        guard let text = request.pathParameters["id"], let raw = Int64(text), raw > 0 else { throw PortalError.notFound }
        return AccountID(raw)
    }

    private func accountPage(_ account: Account, _ context: RequestContext, status: HTTPStatus = .ok, errors: [FieldError] = [],
                             answers: AccountDetailView.Answers = AccountDetailView.Answers()) throws -> HTTPResponse {
        let directory = try ScopeDirectory(database: service.database, only: Set(account.roles.map(\.scope)))
        return page(account.displayName, context, status: status,
                    AccountDetailView.render(account, directory: directory, csrfToken: context.csrfToken, errors: errors, answers: answers))
    }

    /// Back to the account's page with a flash saying what was done.
    private func done(_ message: String, _ id: AccountID, _ context: RequestContext) throws -> HTTPResponse {
        if let session = context.session { try sessions.setFlash(message, idHash: session.idHash) }
        return .redirect(to: AccountsPaths.account(id))
    }

    /// An engine refusal of an account action as field errors of the page (`field` for one without its own field).
    private static func fieldErrors(_ error: Error, field: String) -> [FieldError]? {
        switch error {
        case DomainError.invalidFields(let errors):
            return errors.map { FieldError(field: NewAccountForm.field($0.field), message: NewAccountForm.sentence($0)) }
        case DomainError.invalidInput(let name, let detail):
            return [FieldError(field: NewAccountForm.field(name), message: detail.prefix(1).uppercased() + detail.dropFirst() + ".")]
        case DomainError.reasonRequired:
            return [FieldError(field: "alasan", message: "Tulis alasannya; alasan disimpan di log admin.")]
        case DomainError.changeRequired:
            return [FieldError(field: field, message: "Tidak ada yang berubah: akun sudah dalam keadaan itu.")]
        case PersistenceError.duplicate(let what):
            return [FieldError(field: "nama_pengguna", message: "\(what.prefix(1).uppercased() + what.dropFirst()) sudah dipakai akun lain.")]
        default:
            return nil
        }
    }

    private func createAccount(_ context: RequestContext) throws -> HTTPResponse {
        let admin = try SystemAdmin(context)
        let submitted = try verifiedForm(context)
        let directory = try ScopeDirectory(database: service.database)
        var form = NewAccountForm(submitted, directory: directory)
        do {
            let created = try service.createAccount(form.newAccount, password: form.password, by: admin.actor)
            return try done("Akun \(created.username) dibuat. Serahkan kata sandi awalnya langsung kepada pemiliknya.", created.id, context)
        } catch {
            guard let errors = Self.fieldErrors(error, field: "nama_pengguna") else { throw error }
            form.add(errors)
            return page("Buat akun baru", context, status: .unprocessableContent,
                        form.render(directory: directory, csrfToken: context.csrfToken))
        }
    }

    private func setAccountStatus(_ context: RequestContext) throws -> HTTPResponse {
        let admin = try SystemAdmin(context)
        let submitted = try verifiedForm(context)
        let id = try accountId(context.request)
        let account = try service.account(id, by: admin.actor)
        let active = submitted["aktif"] == "1"
        let reason = (submitted["alasan"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if reason.isEmpty {
            errors.append(FieldError(field: "alasan", message: "Tulis alasannya, misalnya \"pindah tugas\"; alasan disimpan di log admin."))
        } else if reason.count > 500 {
            errors.append(FieldError(field: "alasan", message: "Alasan paling banyak 500 karakter."))
        } else {
            do {
                let changed = try service.setAccountActive(id, active, reason: reason, by: admin.actor)
                return try done("Akun \(changed.username) \(active ? "diaktifkan kembali" : "dinonaktifkan").", id, context)
            } catch {
                guard let refused = Self.fieldErrors(error, field: "alasan") else { throw error }
                errors = refused.map { FieldError(field: "alasan", message: $0.message) }
            }
        }
        return try accountPage(account, context, status: .unprocessableContent, errors: errors,
                               answers: AccountDetailView.Answers(reason: reason))
    }

    /// A new generated password, shown once on this answer (no-store, as every page); never in a flash or the log.
    private func resetAccountPassword(_ context: RequestContext) throws -> HTTPResponse {
        let admin = try SystemAdmin(context)
        _ = try verifiedForm(context)
        let id = try accountId(context.request)
        let account = try service.account(id, by: admin.actor)
        let password = GeneratedPassword.make()
        try service.resetPassword(id, to: password, by: admin.actor)
        return page("Kata sandi baru", context, PasswordShownOnceView.render(account, password: password))
    }

    private func changeAccountRole(_ context: RequestContext) throws -> HTTPResponse {
        let admin = try SystemAdmin(context)
        let submitted = try verifiedForm(context)
        let id = try accountId(context.request)
        let account = try service.account(id, by: admin.actor)
        let directory = try ScopeDirectory(database: service.database)
        let choice = RoleChoice(role: submitted["peran"], scope: submitted["cakupan"], rw: submitted["rw"], rt: submitted["rt"],
                                directory: directory)
        let adding = submitted["aksi"] != "hapus"
        var errors = choice.errors
        if let assignment = choice.assignment {
            do {
                if adding {
                    _ = try service.addRole(assignment, to: id, by: admin.actor)
                } else {
                    _ = try service.removeRole(assignment, from: id, by: admin.actor)
                }
                return try done("Peran \(directory.label(assignment)) \(adding ? "ditambahkan ke" : "dicabut dari") akun \(account.username).",
                                id, context)
            } catch PersistenceError.notFound {
                errors.append(FieldError(field: "cakupan", message: "Cakupan ini tidak ada lagi; pilih yang lain."))
            } catch {
                guard let refused = Self.fieldErrors(error, field: "peran") else { throw error }
                errors = refused.map { $0.field == "cakupan" ? $0 : FieldError(field: "peran", message: $0.message) }
            }
        }
        return try accountPage(account, context, status: .unprocessableContent, errors: errors,
                               answers: AccountDetailView.Answers(choice: adding ? choice : nil))
    }

    private func handOverAccountRole(_ context: RequestContext) throws -> HTTPResponse {
        let admin = try SystemAdmin(context)
        let submitted = try verifiedForm(context)
        let id = try accountId(context.request)
        let account = try service.account(id, by: admin.actor)
        let directory = try ScopeDirectory(database: service.database)
        let successorName = (submitted["akun_baru"] ?? "").trimmingCharacters(in: .whitespaces)
        let role = account.roles.first { "\($0.role.rawValue)|\($0.scope.text)" == submitted["serah_peran"] }
        var errors: [FieldError] = []
        if role == nil { errors.append(FieldError(field: "serah_peran", message: "Pilih peran akun ini yang diserahkan.")) }
        var successor: Account?
        if successorName.isEmpty {
            errors.append(FieldError(field: "akun_baru", message: "Tulis nama pengguna petugas baru."))
        } else {
            successor = try service.account(username: successorName, by: admin.actor)
            if successor == nil {
                errors.append(FieldError(field: "akun_baru", message: "Tidak ada akun dengan nama pengguna \(successorName); buat dahulu akunnya."))
            }
        }
        if errors.isEmpty, let role, let successor {
            do {
                _ = try service.handOverRole(role, from: id, to: successor.id, reason: submitted["alasan_serah"], by: admin.actor)
                return try done("Peran \(directory.label(role)) diserahkan dari \(account.username) ke \(successor.username).", id, context)
            } catch {
                guard let refused = Self.fieldErrors(error, field: "akun_baru") else { throw error }
                errors = refused.map { FieldError(field: $0.field == "peran" ? "serah_peran" : "akun_baru", message: $0.message) }
            }
        }
        return try accountPage(account, context, status: .unprocessableContent, errors: errors,
                               answers: AccountDetailView.Answers(successor: successorName))
    }
}
