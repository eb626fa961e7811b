import Foundation
import Musrenbang

/// Bappeda's bidang: each with its code and a rename form, the add form, and the changes from the admin log.
enum BidangView {
    struct Page {
        let bidang: [Bidang]
        let form: BidangForm
        let history: AdminHistory
        let csrfToken: String
    }

    static func render(_ page: Page) -> HTML {
        let form = page.form
        let rows = page.bidang.map { bidang -> HTML in
            let field = BidangForm.nameField(bidang.id)
            let value = form.renaming == bidang.id ? form.name : bidang.name
            return """
                <form method="post" action="\(BidangPaths.rename(bidang.id.rawValue))" class="row-form" novalidate>
                \(FormViews.csrf(page.csrfToken))
                \(FormViews.field(field, label: "Nama bidang \(bidang.code)", value: value, error: form.renaming == bidang.id ? form.error(field) : nil))
                <button type="submit" class="button secondary">Ubah nama \(bidang.code)</button>
                </form>
                """
        }
        let adding = form.renaming == nil ? form : BidangForm()
        return """
            \(FormViews.errorSummary(form.errors))
            <h1>Bidang</h1>
            <p class="lead">Kelompok bidang kegiatan kamus usulan. Kode bidang tidak dapat diubah; namanya dapat.</p>
            \(rows)
            <section class="decide" aria-labelledby="tambah">
            <h2 id="tambah">Tambah bidang</h2>
            <form method="post" action="\(BidangPaths.list)" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.field("kode", label: "Kode", value: adding.code, error: adding.error("kode")))
            \(FormViews.field("nama", label: "Nama bidang", value: adding.name, error: adding.error("nama")))
            <button type="submit" class="button">Tambah</button>
            </form>
            </section>
            <h2>Riwayat perubahan</h2>
            \(history(page))
            """
    }

    private static func history(_ page: Page) -> HTML {
        AdminHistoryView.render(page.history) { entry -> HTML in
            func name(_ snapshot: AdminSnapshot?) -> String? { if case .text(let text)? = snapshot?["name"] { text } else { nil } }
            let what: String = switch (entry.action, name(entry.before), name(entry.after)) {
            case (.create, _, let new?): "Ditambahkan: \(new)"
            case (.update, let old?, let new?): "Nama \"\(old)\" menjadi \"\(new)\""
            default: "Diubah"
            }
            return "<li>\(what), \(page.history.byline(entry))</li>"
        }
    }
}
