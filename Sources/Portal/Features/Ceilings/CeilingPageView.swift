import Foundation
import Musrenbang

/// Bappeda's ceiling page: a tab per level (kelurahan, kecamatan) with its settings form, the preview of every area's
/// ceiling and their exact sum (or the ceilings stored now), and the OPD ceilings, one small form each.
enum CeilingPageView {
    struct Stored: Equatable {
        let name: String
        let amount: Int64
    }

    struct OPDRow {
        let opd: OPD
        let amount: Int64?
        var form: OPDCeilingForm?
    }

    struct Page {
        let choice: CycleChoice
        let form: CeilingSettingsForm
        let preview: CeilingPreview?
        let stored: [Stored]
        let opds: [OPDRow]
        let reasonRequired: Bool
        let csrfToken: String
        var notice: RefusalNotice?

        var cycle: Cycle { choice.cycle }
    }

    static func render(_ page: Page) -> HTML {
        let level = page.form.level
        let tabs = [Level.kelurahan, .kecamatan].map { tab -> HTML in
            let current: HTML = tab == level ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(page.choice.path("\(CeilingPaths.settings)?tingkat=\(tab.rawValue)"))\"\(current)>Pagu \(tab.rawValue)</a></li>"
        }
        let opdErrors = page.opds.flatMap { $0.form?.errors ?? [] }
        return """
            \(FormViews.errorSummary(page.form.errors + opdErrors))
            \(page.notice?.html ?? .empty)
            <h1>Pagu indikatif</h1>
            <p class="lead">\(page.cycle.name). Pagu setiap wilayah = porsi dasar dibagi rata + sisanya menurut bobot kriteria, dibulatkan ke satuan pembulatan; jumlahnya selalu tepat sama dengan total.</p>
            \(page.choice.picker(CeilingPaths.settings, keep: [("tingkat", level.rawValue)]))
            <p>Data setiap kelurahan: <a href="\(page.choice.path(CeilingInputPaths.table))">Data kriteria pagu</a>. Porsi per kelompok: <a href="\(page.choice.path(GroupSharePaths.page))">Porsi kelompok pagu</a>.</p>
            \(page.reasonRequired ? "<p class=\"notice\">Berita acara suatu tingkat sudah ditandatangani: setiap perubahan pagu wajib disertai alasan.</p>" as HTML : .empty)
            <nav aria-label="Tingkat"><ul class="tabs">\(tabs)</ul></nav>
            \(settingsForm(page))
            \(page.preview.map(preview) ?? storedTable(page))
            \(opdSection(page))
            """
    }

    private static func settingsForm(_ page: Page) -> HTML {
        let form = page.form
        let weights = CeilingCriterion.allCases.map { criterion in
            FormViews.field(CeilingSettingsForm.weightField(criterion), label: "Bobot \(criterion.displayName)", value: form.weights[criterion] ?? "",
                            error: form.error(CeilingSettingsForm.weightField(criterion)), inputMode: "numeric")
        }
        return """
            <section class="decide" aria-labelledby="pengaturan">
            <h2 id="pengaturan">Pengaturan pagu \(form.level.rawValue)</h2>
            <form method="post" action="\(page.choice.path(CeilingPaths.settings))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="tingkat" value="\(form.level.rawValue)">
            \(FormViews.field("total", label: "Total pagu (rupiah)", value: form.total, hint: "Misalnya 20.000.000.000.", error: form.error("total"), inputMode: "numeric"))
            \(FormViews.field("porsi-dasar", label: "Porsi dasar (persen)", value: form.baseShare, hint: "Bagian total yang dibagi rata, misalnya 30.",
                              error: form.error("porsi-dasar"), inputMode: "decimal"))
            <fieldset><legend>Bobot kriteria untuk sisanya</legend>
            \(weights)
            </fieldset>
            \(FormViews.field("pembulatan", label: "Satuan pembulatan (rupiah)", value: form.roundingUnit, hint: "Setiap pagu kelipatan satuan ini, misalnya 1.000.000.",
                              error: form.error("pembulatan"), inputMode: "numeric"))
            \(FormViews.textArea("alasan", label: "Alasan", value: form.reason,
                                 hint: page.reasonRequired ? "Wajib: berita acara sudah ditandatangani. Dicatat pada log admin." : "Boleh dikosongkan. Dicatat pada log admin.",
                                 error: form.error("alasan"), rows: 2, required: page.reasonRequired))
            <button type="submit" name="aksi" value="pratinjau" class="button secondary">Pratinjau</button>
            <button type="submit" name="aksi" value="simpan" class="button">Simpan dan hitung pagu</button>
            </form>
            </section>
            """
    }

    private static func preview(_ preview: CeilingPreview) -> HTML {
        let rows = preview.allocation.lines.map { line -> HTML in
            let funded = preview.funded[line.areaId] ?? 0
            let below: HTML = line.amount < funded ? " <strong>di bawah yang sudah didanai</strong>" : .empty
            return """
                <tr><th scope="row">\(preview.names[line.areaId] ?? "Wilayah \(line.areaId)")</th><td class="num">\(Rupiah.format(line.amount))</td>\
                <td class="num">\(Rupiah.format(funded))\(below)</td></tr>
                """
        }
        let equal = preview.sum == preview.allocation.total
        return """
            <section aria-labelledby="pratinjau">
            <h2 id="pratinjau">Pratinjau (belum disimpan)</h2>
            <table class="ceilings">
            <thead><tr><th scope="col">Wilayah</th><th scope="col">Pagu</th><th scope="col">Sudah didanai</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th><td class="num">\(Rupiah.format(preview.sum))</td><td></td></tr></tfoot>
            </table>
            <p>\(equal ? "Jumlah sama dengan total \(Rupiah.format(preview.allocation.total))." : "Jumlah berbeda dari total \(Rupiah.format(preview.allocation.total)).")</p>
            </section>
            """
    }

    private static func storedTable(_ page: Page) -> HTML {
        guard !page.stored.isEmpty else { return "<p>Pagu \(page.form.level.rawValue) belum dihitung.</p>" }
        let rows = page.stored.map { "<tr><th scope=\"row\">\($0.name)</th><td class=\"num\">\(Rupiah.format($0.amount))</td></tr>" as HTML }
        let sum = page.stored.reduce(Int64(0)) { $0 + $1.amount }
        return """
            <section aria-labelledby="tersimpan">
            <h2 id="tersimpan">Pagu \(page.form.level.rawValue) yang berlaku</h2>
            <table class="ceilings">
            <thead><tr><th scope="col">Wilayah</th><th scope="col">Pagu</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th><td class="num">\(Rupiah.format(sum))</td></tr></tfoot>
            </table>
            </section>
            """
    }

    private static func opdSection(_ page: Page) -> HTML {
        let forms = page.opds.map { row -> HTML in
            let form = row.form
            let amountField = OPDCeilingForm.amountField(row.opd.id), reasonField = OPDCeilingForm.reasonField(row.opd.id)
            let amount = form?.amount ?? row.amount.map { Rupiah.groupDigits(UInt64(max(0, $0))) } ?? ""
            return """
                <form method="post" action="\(page.choice.path(CeilingPaths.opd))" class="row-form" novalidate>
                \(FormViews.csrf(page.csrfToken))
                <input type="hidden" name="opd" value="\(row.opd.id)">
                \(FormViews.field(amountField, label: "Pagu \(row.opd.name) (\(row.opd.shortName))", value: amount,
                                  hint: row.amount == nil ? "Belum ditetapkan." : nil, error: form?.error(amountField), inputMode: "numeric"))
                \(FormViews.field(reasonField, label: "Alasan perubahan", value: form?.reason ?? "", error: form?.error(reasonField), required: page.reasonRequired))
                <button type="submit" class="button secondary">Simpan pagu \(row.opd.shortName)</button>
                </form>
                """
        }
        return """
            <section aria-labelledby="pagu-opd">
            <h2 id="pagu-opd">Pagu perangkat daerah</h2>
            <p>Pagu Musrenbang setiap perangkat daerah untuk forum perangkat daerah; tidak boleh di bawah yang sudah didanai.</p>
            \(forms)
            </section>
            """
    }
}
