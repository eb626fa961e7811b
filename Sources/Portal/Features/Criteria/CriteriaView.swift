import Foundation
import Musrenbang

/// Bappeda's scoring criteria of the chosen cycle (`CycleChoice`): each with its share of the total weight, a change form and a
/// remove button (refused by the engine once a score uses it), the add form, and the changes from the admin log.
enum CriteriaView {
    struct Page {
        let choice: CycleChoice
        let criteria: [ScoringCriterion]
        let form: CriterionForm
        let history: AdminHistory
        let csrfToken: String
        var notice: RefusalNotice?

        var cycle: Cycle { choice.cycle }
    }

    /// A weight's share of the total in percent with one decimal, e.g. "33,3%".
    static func share(_ weight: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        let tenths = (weight * 1000 + total / 2) / total
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10),\(tenths % 10)%"
    }

    static func render(_ page: Page) -> HTML {
        let form = page.form
        let total = page.criteria.reduce(0) { $0 + $1.weight }
        let rows = page.criteria.map { criterion -> HTML in
            let nameField = CriterionForm.nameField(criterion.id), weightField = CriterionForm.weightField(criterion.id)
            let mine = form.changing == criterion.id
            return """
                <section class="row-form" aria-labelledby="kriteria-\(criterion.id)">
                <h2 id="kriteria-\(criterion.id)">\(criterion.code): \(criterion.name) (\(share(criterion.weight, of: total)))</h2>
                <form method="post" action="\(page.choice.path(CriteriaPaths.change(criterion.id.rawValue)))" novalidate>
                \(FormViews.csrf(page.csrfToken))
                \(FormViews.field(nameField, label: "Nama kriteria \(criterion.code)", value: mine ? form.name : criterion.name, error: mine ? form.error(nameField) : nil))
                \(FormViews.field(weightField, label: "Bobot \(criterion.code)", value: mine ? form.weight : String(criterion.weight),
                                  error: mine ? form.error(weightField) : nil, inputMode: "numeric"))
                <button type="submit" class="button secondary">Simpan \(criterion.code)</button>
                </form>
                <form method="post" action="\(page.choice.path(CriteriaPaths.remove(criterion.id.rawValue)))">
                \(FormViews.csrf(page.csrfToken))
                <button type="submit" class="button secondary">Hapus \(criterion.code)</button>
                </form>
                </section>
                """
        }
        let adding = form.changing == nil ? form : CriterionForm()
        return """
            \(FormViews.errorSummary(form.errors))
            \(page.notice?.html ?? .empty)
            <h1>Kriteria penilaian</h1>
            <p class="lead">\(page.cycle.name). Setiap usulan dinilai 1-5 per kriteria; nilai akhirnya rata-rata berbobot. Bobot yang berubah berlaku pada pemeringkatan berikutnya. Kriteria yang sudah dipakai menilai tidak dapat dihapus.</p>
            \(page.choice.picker(CriteriaPaths.list))
            \(page.criteria.isEmpty ? "<p>Belum ada kriteria.</p>" as HTML : .empty)
            \(rows)
            <section class="decide" aria-labelledby="tambah">
            <h2 id="tambah">Tambah kriteria</h2>
            <form method="post" action="\(page.choice.path(CriteriaPaths.list))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.field("kode", label: "Kode", value: adding.code, error: adding.error("kode")))
            \(FormViews.field("nama", label: "Nama kriteria", value: adding.name, error: adding.error("nama")))
            \(FormViews.field("bobot", label: "Bobot", value: adding.weight, error: adding.error("bobot"), inputMode: "numeric"))
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
                guard case .text(let name)? = snapshot?["name"], case .integer(let weight)? = snapshot?["weight"] else { return nil }
                return "\(name) (bobot \(weight))"
            }
            let what: String = switch (entry.action, text(entry.before), text(entry.after)) {
            case (.create, _, let new?): "Ditambahkan: \(new)"
            case (.update, let old?, let new?): "\(old) menjadi \(new)"
            case (.remove, let old?, _): "Dihapus: \(old)"
            default: "Diubah"
            }
            return "<li>\(what), \(page.history.byline(entry))</li>"
        }
    }
}
