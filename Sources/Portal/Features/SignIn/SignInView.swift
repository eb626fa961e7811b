/// The sign-in page.
enum SignInView {
    static func render(_ form: SignInForm, csrfToken: String, notice: String? = nil) -> HTML {
        let noticeHTML: HTML = notice.map { "<div class=\"error-summary\" role=\"alert\"><p>\($0)</p></div>" } ?? .empty
        return """
            <h1>Masuk</h1>
            \(FormViews.errorSummary(form.errors))
            \(noticeHTML)
            <form method="post" action="/masuk" novalidate>
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="kembali" value="\(form.returnTo)">
            \(FormViews.field("nama_pengguna", label: "Nama pengguna", value: form.username, error: form.error("nama_pengguna"),
                              autocomplete: "username"))
            \(FormViews.field("kata_sandi", label: "Kata sandi", type: "password", error: form.error("kata_sandi"),
                              autocomplete: "current-password"))
            <button type="submit" class="button">Masuk</button>
            </form>
            <p>Belum punya akun? <a href="/daftar">Daftar sebagai warga</a>.</p>
            <p>Lupa kata sandi? Hubungi operator kelurahan Anda atau Admin Sistem di Bappeda.</p>
            """
    }
}
