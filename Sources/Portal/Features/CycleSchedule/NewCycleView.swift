import Foundation
import Musrenbang

/// Bappeda's form for a new planning cycle: the years, the name and each stage's window in WIB, one after another.
enum NewCycleView {
    struct Page {
        let form: NewCycleForm
        let csrfToken: String
        var notice: RefusalNotice?
    }

    static func render(_ page: Page) -> HTML {
        let form = page.form
        let windows = Stage.allCases.map { stage -> HTML in
            let opens = NewCycleForm.opensField(stage), closes = NewCycleForm.closesField(stage)
            return """
                <fieldset><legend>\(stage.displayName)</legend>
                \(FormViews.field(opens, label: "Dibuka pada (WIB)", value: form.opens[stage] ?? "", type: "datetime-local",
                                  error: form.error(opens)))
                \(FormViews.field(closes, label: "Ditutup pada (WIB)", value: form.closes[stage] ?? "", type: "datetime-local",
                                  error: form.error(closes)))
                </fieldset>
                """
        }
        return """
            \(FormViews.errorSummary(form.errors))
            \(page.notice?.html ?? .empty)
            <h1>Buat siklus baru</h1>
            <p class="lead">Siklus perencanaan baru dengan jadwal setiap tahap. Setiap tahap dibuka paling cepat saat tahap \
            sebelumnya ditutup. Jadwal dapat diperpanjang kemudian di halaman <a href="\(CyclePaths.schedule)">Jadwal siklus</a>.</p>
            <form method="post" action="\(CyclePaths.new)" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.field("tahun", label: "Tahun pelaksanaan", value: form.planYear, hint: "Tahun Musrenbang diadakan.",
                              error: form.error("tahun"), inputMode: "numeric"))
            \(FormViews.field("tahun-anggaran", label: "Tahun anggaran (RKPD)", value: form.budgetYear,
                              hint: "Tahun yang direncanakan; satu siklus per tahun anggaran.", error: form.error("tahun-anggaran"),
                              inputMode: "numeric"))
            \(FormViews.field("nama", label: "Nama siklus", value: form.name, error: form.error("nama")))
            \(windows)
            <button type="submit" class="button">Buat siklus</button>
            </form>
            """
    }
}
