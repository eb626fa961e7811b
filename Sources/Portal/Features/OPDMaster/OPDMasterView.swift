import Foundation
import Musrenbang

/// Bappeda's perangkat daerah: each with its code and a rename form, the add form, and the changes from the admin log.
enum OPDMasterView {
    struct Page {
        let opds: [OPD]
        let form: OPDForm
        let history: AdminHistory
        let csrfToken: String
    }

    static func render(_ page: Page) -> HTML {
        let form = page.form
        let rows = page.opds.map { opd -> HTML in
            let nameField = OPDForm.nameField(opd.id), shortField = OPDForm.shortField(opd.id)
            let mine = form.renaming == opd.id
            return """
                <form method="post" action="\(OPDPaths.rename(opd.id.rawValue))" class="row-form" novalidate>
                \(FormViews.csrf(page.csrfToken))
                \(FormViews.field(nameField, label: "Nama \(opd.code)", value: mine ? form.name : opd.name, error: mine ? form.error(nameField) : nil))
                \(FormViews.field(shortField, label: "Singkatan \(opd.code)", value: mine ? form.shortName : opd.shortName,
                                  error: mine ? form.error(shortField) : nil))
                <button type="submit" class="button secondary">Ubah \(opd.code)</button>
                </form>
                """
        }
        let adding = form.renaming == nil ? form : OPDForm()
        return """
            \(FormViews.errorSummary(form.errors))
            <h1>Perangkat daerah</h1>
            <p class="lead">Perangkat daerah pelaksana kegiatan kamus usulan. Kodenya tidak dapat diubah; nama dan singkatannya dapat.</p>
            \(rows)
            <section class="decide" aria-labelledby="tambah">
            <h2 id="tambah">Tambah perangkat daerah</h2>
            <form method="post" action="\(OPDPaths.list)" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.field("kode", label: "Kode", value: adding.code, error: adding.error("kode")))
            \(FormViews.field("nama", label: "Nama", value: adding.name, error: adding.error("nama")))
            \(FormViews.field("singkatan", label: "Singkatan", value: adding.shortName, error: adding.error("singkatan")))
            <button type="submit" class="button">Tambah</button>
            </form>
            </section>
            <h2>Riwayat perubahan</h2>
            \(history(page))
            """
    }

    private static func history(_ page: Page) -> HTML {
        AdminHistoryView.render(page.history) { entry -> HTML in
            func text(_ snapshot: AdminSnapshot?) -> String? {
                guard case .text(let name)? = snapshot?["name"] else { return nil }
                if case .text(let short)? = snapshot?["short_name"] { return "\(name) (\(short))" }
                return name
            }
            let what: String = switch (entry.action, text(entry.before), text(entry.after)) {
            case (.create, _, let new?): "Ditambahkan: \(new)"
            case (.update, let old?, let new?): "\(old) menjadi \(new)"
            default: "Diubah"
            }
            return "<li>\(what), \(page.history.byline(entry))</li>"
        }
    }
}
