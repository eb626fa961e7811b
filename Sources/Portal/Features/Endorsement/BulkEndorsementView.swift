/// The work list as one form: the table with a checkbox per row, then one decision for every ticked proposal
/// (approve, or return with one reason), each ticked row carrying the version the list showed.
enum BulkEndorsementView {
    static func render(_ table: HTML, form: EndorsementBulkForm, action: String, csrfToken: String) -> HTML {
        let decisionError: HTML = form.error("keputusan-bersama").map { "<p class=\"field-error\">\($0)</p>" } ?? .empty
        func radio(_ decision: EndorsementForm.Decision, _ label: String) -> HTML {
            let checked: HTML = form.decision == decision ? " checked" : .empty
            return """
                <div class="choice"><input type="radio" id="bersama-\(decision.rawValue)" name="keputusan" value="\(decision.rawValue)"\(checked)>
                <label for="bersama-\(decision.rawValue)">\(label)</label></div>
                """
        }
        return """
            <form method="post" action="\(action)" class="bulk-form" novalidate>
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="kembali" value="\(action)">
            \(FormViews.pickGroup(error: form.error("pilih-semua"), table))
            <section class="decide" aria-labelledby="sekaligus">
            <h2 id="sekaligus">Putuskan sekaligus</h2>
            <p>Centang usulan di daftar, lalu pilih satu keputusan untuk semuanya. Usulan yang sudah berubah sejak daftar ini dimuat tidak diubah.</p>
            <fieldset id="keputusan-bersama" class="\(form.error("keputusan-bersama") == nil ? "" : "has-error")">
            <legend>Keputusan untuk usulan yang dicentang</legend>
            \(decisionError)
            \(radio(.setujui, "Setujui"))
            \(radio(.kembalikan, "Kembalikan ke pengusul (isi alasannya)"))
            </fieldset>
            \(FormViews.textArea("alasan-bersama", label: "Alasan pengembalian", value: form.reason,
                                 hint: "Hanya untuk pengembalian. Alasan yang sama dicatat pada setiap usulan yang dicentang dan dibaca pengusulnya.",
                                 error: form.error("alasan-bersama"), rows: 3, required: false))
            <button type="submit" class="button">Terapkan pada yang dicentang</button>
            </form>
            """
    }
}
