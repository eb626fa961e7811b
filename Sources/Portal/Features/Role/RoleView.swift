import Musrenbang

/// The role choice: one radio button per role of the account, in a fieldset.
enum RoleView {
    static func render(account: Account, current: Actor?, returnTo: String, labels: [String: String], csrfToken: String,
                       error: String? = nil) -> HTML {
        guard !account.roles.isEmpty else {
            return """
                <h1>Pilih peran</h1>
                <p class="lead">Akun ini belum memiliki peran. Hubungi Admin Sistem di Bappeda untuk mendapatkan peran.</p>
                """
        }
        let options = account.roles.enumerated().map { index, assignment -> HTML in
            let checked: HTML = current.map { $0.role == assignment.role && $0.scope == assignment.scope } == true ? " checked" : .empty
            return """
                <div class="choice">
                <input type="radio" id="peran-\(index)" name="peran" value="\(assignment.key)"\(checked)>
                <label for="peran-\(index)">\(labels[assignment.key] ?? assignment.role.displayName)</label>
                </div>
                """
        }
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"peran-error\">\($0)</p>" } ?? .empty
        let summary = error.map { FormViews.errorSummary([FieldError(field: "peran-0", message: $0)]) } ?? .empty
        return """
            <h1>Pilih peran</h1>
            \(summary)
            <p class="lead">Akun Anda memiliki lebih dari satu peran. Pilih peran yang Anda jalankan sekarang; Anda dapat menggantinya kapan saja.</p>
            <form method="post" action="/peran">
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="kembali" value="\(returnTo)">
            <fieldset class="\(error == nil ? "" : "has-error")">
            <legend>Peran</legend>
            \(errorHTML)
            \(options)
            </fieldset>
            <button type="submit" class="button">Lanjutkan</button>
            </form>
            """
    }
}
