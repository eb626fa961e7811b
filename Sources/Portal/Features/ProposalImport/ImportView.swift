import Musrenbang

/// The import page: what the file holds (the template, the columns, the kamus codes), the upload, and after it the
/// preview: a summary, every row with its errors by line and column, a sample of the ready rows (`ImportPreviewRows`).
enum ImportView {
    static func upload(area: KelurahanArea, catalog: ProposalCatalog, csrfToken: String, error: String? = nil) -> HTML {
        let columns = ImportTemplate.columns.map { column -> HTML in
            let needed = ImportColumn.required.contains(column) ? "wajib" : "tidak wajib"
            return "<li><code>\(column.rawValue)</code>: \(column.words) (\(needed))</li>"
        }
        let items = catalog.items.map { item -> HTML in
            "<tr><td><code>\(item.code)</code></td><td>\(item.name)</td><td>\(item.unit)</td><td class=\"num\">\(Rupiah.format(item.unitPrice))</td></tr>"
        }
        let errors = error.map { [FieldError(field: "berkas", message: $0)] } ?? []
        return """
            \(FormViews.errorSummary(errors))
            <h1>Impor usulan dari CSV</h1>
            <p class="lead">Masukkan banyak formulir kertas Kelurahan \(area.kelurahan.name) sekaligus dari satu berkas CSV. Semua baris
            diperiksa dulu; usulan baru disimpan setelah Anda menyetujui pratinjau, semuanya atau tidak sama sekali.</p>
            <ol>
            <li>Unduh <a href="\(OperatorPaths.importTemplate)">templat CSV</a> dan buka di Excel.</li>
            <li>Isi satu baris per usulan. Kegiatan diisi dengan kode atau nama persis dari kamus usulan (daftar di bawah).</li>
            <li>Simpan sebagai CSV (pemisah titik koma atau koma), lalu unggah di sini.</li>
            </ol>
            <details><summary>Kolom berkas</summary><ul>\(columns)</ul></details>
            <form method="post" action="\(OperatorPaths.importPage)" enctype="multipart/form-data" novalidate>
            \(FormViews.csrf(csrfToken))
            \(FileFieldView.render("berkas", label: "Berkas CSV", hint: "Paling besar \(OperatorPaths.importMaxBytes / 1_048_576) MB.",
                                   accept: ".csv,text/csv", error: error))
            <div class="actions"><button type="submit" class="button">Periksa berkas</button></div>
            </form>
            <details><summary>Kamus usulan (\(catalog.items.count) kegiatan)</summary>
            <table><thead><tr><th scope="col">Kode</th><th scope="col">Kegiatan</th><th scope="col">Satuan</th><th scope="col">Harga satuan</th></tr></thead>
            <tbody>\(items)</tbody></table></details>
            """
    }

    static func preview(_ plan: ImportPlan, fileName: String, token: String?, csrfToken: String) -> HTML {
        let problems = plan.problems
        let summary: HTML
        if problems.isEmpty {
            summary = """
                <div class="notice" role="status"><p><strong>\(plan.rows.count) usulan siap diimpor.</strong> Periksa daftarnya, lalu tekan
                "Impor semua". Usulan langsung masuk verifikasi kelurahan.</p></div>
                """
        } else {
            // Only a row's problem has its row on the page to link to (a header problem has none).
            let shownLines = Set(plan.rows.filter { !$0.problems.isEmpty }.map(\.line))
            let items = problems.map { problem -> HTML in
                shownLines.contains(problem.line) ? "<li><a href=\"#baris-\(problem.line)\">\(problem.words)</a></li>" : "<li>\(problem.words)</li>"
            }
            summary = """
                <div class="error-summary" role="alert" tabindex="-1"><h2>Ada yang perlu diperbaiki</h2>
                <p>Tidak ada yang diimpor. Perbaiki \(problems.count == 1 ? "kesalahan ini" : "\(problems.count) kesalahan ini") di berkas, lalu unggah lagi.</p>
                <ul>\(items)</ul></div>
                """
        }
        let confirm: HTML = token.map { token in
            """
            <form method="post" action="\(OperatorPaths.importConfirm)">
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="berkas_token" value="\(token)">
            <div class="actions"><button type="submit" class="button">Impor semua (\(plan.rows.count) usulan)</button>
            <a href="\(OperatorPaths.importPage)">Batal, unggah berkas lain</a></div>
            </form>
            """
        } ?? "<p><a class=\"button secondary\" href=\"\(OperatorPaths.importPage)\">Unggah berkas yang sudah diperbaiki</a></p>"
        return """
            <h1>Pratinjau impor</h1>
            <p class="lead">Berkas <strong>\(fileName)</strong>: \(plan.rows.count) baris usulan.</p>
            \(summary)
            \(plan.rows.isEmpty ? HTML.empty : ImportPreviewRows.summary(plan))
            \(confirm)
            \(ImportPreviewRows.problemTable(plan, fileName: fileName))
            \(ImportPreviewRows.readyTable(plan, fileName: fileName))
            """
    }
}
