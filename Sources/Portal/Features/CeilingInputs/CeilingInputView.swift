import Foundation
import Musrenbang

/// Bappeda's criteria inputs: the kelurahan table to edit (one row per kelurahan, one field per criterion), the
/// kecamatan table (the sums of its kelurahan, which the kecamatan ceiling uses), the CSV import, and the history.
enum CeilingInputView {
    struct Page {
        let choice: CycleChoice
        let sheet: CeilingInputSheet
        let form: CeilingInputForm
        let history: AdminHistory
        let csrfToken: String
        var uploadError: String?
        var notice: RefusalNotice?
    }

    static func render(_ page: Page) -> HTML {
        let uploadErrors = page.uploadError.map { [FieldError(field: "berkas", message: $0)] } ?? []
        return """
            \(FormViews.errorSummary(page.form.errors + uploadErrors))
            \(page.notice?.html ?? .empty)
            <h1>Data kriteria pagu</h1>
            <p class="lead">\(page.sheet.cycle.name): data setiap kelurahan yang dipakai rumus pagu indikatif kewilayahan \
            (<a href="\(page.choice.path(CeilingPaths.settings))">pengaturan pagu</a>). Data kecamatan adalah jumlah data kelurahannya.</p>
            \(page.choice.picker(CeilingInputPaths.table))
            \(kelurahanTable(page))
            \(kecamatanTable(page.sheet))
            \(importSection(page))
            <h2 id="riwayat">Riwayat perubahan</h2>
            \(history(page))
            """
    }

    private static func kelurahanTable(_ page: Page) -> HTML {
        let form = page.form
        let headings = CeilingCriterion.allCases.map { criterion -> HTML in "<th scope=\"col\">\(CeilingInputColumn.heading(criterion))</th>" }
        let rows = page.sheet.rows.map { row -> HTML in
            let cells = CeilingCriterion.allCases.map { criterion -> HTML in
                let name = CeilingInputColumn.field(criterion, row.kelurahan.id.rawValue)
                let error = form.error(name)
                let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"\(name)-error\""
                let message: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
                return """
                    <td class="num">\(message)<input id="\(name)" name="\(name)" type="text" inputmode="numeric" \
                    value="\(form.value(criterion, row))" aria-label="\(CeilingInputColumn.heading(criterion)) Kelurahan \(row.kelurahan.name)"\(invalid)></td>
                    """
            }
            let missing: HTML = row.stored == nil ? " <small>(belum diisi)</small>" : .empty
            return "<tr><td>\(row.kecamatanName)</td><th scope=\"row\">\(row.kelurahan.name)\(missing)</th>\(cells)</tr>"
        }
        let reasonHint = page.sheet.locked
            ? "Wajib: sudah ada berita acara yang dikunci. Dicatat pada log admin."
            : "Tidak wajib sebelum ada berita acara yang dikunci. Dicatat pada log admin."
        return """
            <h2>Kelurahan</h2>
            <form method="post" action="\(page.choice.path(CeilingInputPaths.table))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="versi" value="\(form.version.isEmpty ? page.sheet.version : form.version)">
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tabel data kriteria"><table class="criteria">
            <caption>Bilangan bulat tanpa koma; titik boleh sebagai pemisah ribuan (12.345).</caption>
            <thead><tr><th scope="col">Kecamatan</th><th scope="col">Kelurahan</th>\(headings)</tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            \(FormViews.textArea("alasan", label: "Alasan perubahan", value: form.reason, hint: reasonHint, error: form.error("alasan"),
                                 rows: 2))
            <button type="submit" class="button">Simpan data kelurahan</button>
            </form>
            """
    }

    private static func kecamatanTable(_ sheet: CeilingInputSheet) -> HTML {
        let headings = CeilingCriterion.allCases.map { criterion -> HTML in "<th scope=\"col\">\(CeilingInputColumn.heading(criterion))</th>" }
        let rows = sheet.kecamatan.map { row -> HTML in
            let cells = CeilingCriterion.allCases.map { criterion -> HTML in
                "<td class=\"num\">\(CeilingInputColumn.text(row.sums[criterion] ?? 0))</td>"
            }
            let note: String = row.kelurahanCount == 0 ? "tanpa kelurahan"
                : row.missing == 0 ? "\(row.kelurahanCount) kelurahan" : "\(row.kelurahanCount) kelurahan, \(row.missing) belum diisi"
            return "<tr><th scope=\"row\">\(row.kecamatan.name)</th><td>\(note)</td>\(cells)</tr>"
        }
        return """
            <h2>Kecamatan</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tabel data kriteria"><table class="criteria">
            <caption>Jumlah data kelurahan setiap kecamatan; berubah bersama data kelurahannya.</caption>
            <thead><tr><th scope="col">Kecamatan</th><th scope="col">Kelurahan</th>\(headings)</tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
    }

    private static func importSection(_ page: Page) -> HTML {
        let columns = ([CeilingInputColumn.codeHeader, CeilingInputColumn.nameHeader] + CeilingCriterion.allCases.map(CeilingInputColumn.header))
            .map { column -> HTML in "<code>\(column)</code> " }
        return """
            <section class="decide" aria-labelledby="impor">
            <h2 id="impor">Impor dari CSV</h2>
            <ol>
            <li>Unduh <a href="\(page.choice.path(CeilingInputPaths.template))">templat CSV</a> (berisi semua kelurahan dan datanya sekarang) dan buka di Excel.</li>
            <li>Isi satu baris per kelurahan. Kolom: \(columns)</li>
            <li>Simpan sebagai CSV UTF-8 (pemisah titik koma atau koma), lalu unggah. Semua baris diperiksa dulu; data disimpan \
            setelah Anda menyetujui pratinjau, semuanya atau tidak sama sekali.</li>
            </ol>
            <form method="post" action="\(page.choice.path(CeilingInputPaths.importPreview))" enctype="multipart/form-data" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FileFieldView.render("berkas", label: "Berkas CSV", hint: "Paling besar 1 MB.", accept: ".csv,text/csv", error: page.uploadError))
            <div class="actions"><button type="submit" class="button">Periksa berkas</button></div>
            </form>
            </section>
            """
    }

    private static func history(_ page: Page) -> HTML {
        let names = Dictionary(page.sheet.rows.map { ($0.kelurahan.id.rawValue, $0.kelurahan.name) }, uniquingKeysWith: { first, _ in first })
        return AdminHistoryView.render(page.history) { entry -> HTML in
            guard case .integer(let id)? = (entry.after ?? entry.before)?["kelurahan_id"] else {
                return "<li>Diubah, \(page.history.byline(entry))</li>"
            }
            let changes = CeilingCriterion.allCases.compactMap { criterion -> String? in
                let old: Int64? = if case .integer(let v)? = entry.before?[criterion.rawValue] { v } else { nil }
                let new: Int64? = if case .integer(let v)? = entry.after?[criterion.rawValue] { v } else { nil }
                guard old != new, let new else { return nil }
                return old.map { "\(criterion.displayName) \(CeilingInputColumn.text($0)) menjadi \(CeilingInputColumn.text(new))" }
                    ?? "\(criterion.displayName) \(CeilingInputColumn.text(new))"
            }
            let reason: HTML = entry.reason.map { " Alasan: \($0)" } ?? .empty
            let what = changes.isEmpty ? "tidak berubah" : changes.joined(separator: ", ")
            return "<li>Kelurahan \(names[id] ?? "\(id)"): \(what), \(page.history.byline(entry)).\(reason)</li>"
        }
    }

    /// The import's preview: a summary, every problem by line and column, the rows read, and the confirmation.
    static func preview(_ plan: CeilingInputImport, choice: CycleChoice, fileName: String, token: String?, csrfToken: String, reason: String = "",
                        reasonError: String? = nil) -> HTML {
        let problems = plan.problems
        let summary: HTML
        if problems.isEmpty {
            summary = """
                <div class="notice" role="status"><p><strong>\(plan.rows.count) kelurahan siap diimpor.</strong> Periksa datanya, \
                lalu tekan "Impor semua".</p></div>
                """
        } else {
            let items = problems.map { problem -> HTML in "<li>\(problem.words)</li>" }
            summary = """
                <div class="error-summary" role="alert" tabindex="-1"><h2>Ada yang perlu diperbaiki</h2>
                <p>Tidak ada yang diimpor. Perbaiki \(problems.count == 1 ? "kesalahan ini" : "\(problems.count) kesalahan ini") di berkas, \
                lalu unggah lagi.</p>
                <ul>\(items)</ul></div>
                """
        }
        let confirm: HTML = token.map { token in
            """
            <form method="post" action="\(choice.path(CeilingInputPaths.importConfirm))">
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="berkas_token" value="\(token)">
            \(FormViews.textArea("alasan", label: "Alasan perubahan", value: reason, hint: "Wajib bila sudah ada berita acara yang dikunci.",
                                 error: reasonError, rows: 2))
            <div class="actions"><button type="submit" class="button">Impor semua (\(plan.rows.count) kelurahan)</button>
            <a href="\(choice.path(CeilingInputPaths.table))">Batal</a></div>
            </form>
            """
        } ?? "<p><a class=\"button secondary\" href=\"\(choice.path(CeilingInputPaths.table + "#impor"))\">Unggah berkas yang sudah diperbaiki</a></p>"
        let headings = CeilingCriterion.allCases.map { criterion -> HTML in "<th scope=\"col\">\(CeilingInputColumn.heading(criterion))</th>" }
        let rows = plan.rows.map { row -> HTML in
            let cells = CeilingCriterion.allCases.map { criterion -> HTML in
                "<td class=\"num\">\(row.values[criterion].map(CeilingInputColumn.text) ?? "")</td>"
            }
            let state: HTML = row.problems.isEmpty ? "<td>Siap</td>" : "<td><strong>\(row.problems.count) kesalahan</strong></td>"
            return "<tr id=\"baris-\(row.line)\"><td class=\"num\">\(row.line)</td><th scope=\"row\">\(row.name)</th>\(cells)\(state)</tr>"
        }
        let table: HTML = plan.rows.isEmpty ? .empty : """
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tabel data kriteria"><table class="criteria">
            <caption>Isi berkas \(fileName)</caption>
            <thead><tr><th scope="col">Baris</th><th scope="col">Kelurahan</th>\(headings)<th scope="col">Keadaan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table></div>
            """
        return """
            \(FormViews.errorSummary(reasonError.map { [FieldError(field: "alasan", message: $0)] } ?? []))
            <h1>Pratinjau impor data kriteria pagu</h1>
            <p class="lead">Berkas <strong>\(fileName)</strong>: \(plan.rows.count) baris kelurahan.</p>
            \(summary)
            \(confirm)
            \(table)
            """
    }
}
