import Musrenbang

/// The operator's paper form: the proposer and their RT/RW, how it came in, the same content as the resident's form,
/// and the signed form's scan. One button saves it and opens the next empty form.
enum PaperFormView {
    /// `keptScan` names the scan held from an earlier try; `notice` is a rule of the engine shown at the top.
    static func render(_ form: PaperForm, area: KelurahanArea, catalog: ProposalCatalog, errors: [FieldError], csrfToken: String,
                       keptScan: String?, scheduleNotice: String?, notice: String? = nil, focus: String? = nil) -> HTML {
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let sources = EntryChannel.allCases.map { source -> HTML in
            let checked: HTML = source == form.source ? " checked" : .empty
            return """
                <div class="choice"><input type="radio" id="sumber-\(source.rawValue)" name="sumber" value="\(source.rawValue)"\(checked)>
                <label for="sumber-\(source.rawValue)">\(source.displayName)</label></div>
                """
        }
        let kept: HTML = keptScan.map {
            "<p class=\"hint\" role=\"status\">Pindaian tersimpan: <strong>\($0)</strong>. Pilih berkas lain hanya bila ingin menggantinya.</p>"
        } ?? .empty
        return """
            <h1>Formulir kertas</h1>
            <p class="lead">Masukkan usulan dari formulir kertas warga atau RT Kelurahan \(area.kelurahan.name). Usulan yang disimpan langsung
            masuk verifikasi kelurahan; formulir kosong berikutnya terbuka dengan RT/RW dan bidang yang sama.</p>
            <p><a href="\(OperatorPaths.returned)">Formulir yang dikembalikan verifikator</a> · <a href="\(OperatorPaths.importPage)">Impor banyak usulan dari CSV</a> · <a href="\(OperatorPaths.documents)">Dokumen Musrenbang kelurahan</a></p>
            \(scheduleNotice.map { HTML("<div class=\"notice\" role=\"status\"><p>\($0)</p></div>") } ?? .empty)
            \(FormViews.errorSummary(errors))
            \(notice.map { HTML("<div class=\"error-summary\" role=\"alert\"><h2>Usulan belum dapat disimpan</h2><p>\($0)</p><p>Isian Anda tetap di bawah ini.</p></div>") } ?? .empty)
            <form method="post" action="\(OperatorPaths.paperForm)" enctype="multipart/form-data" novalidate>
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="\(PaperForm.scanTokenField)" value="\(form.scanToken)">
            <fieldset>
            <legend>Pengusul</legend>
            \(form.proposer.fields(area: area, errors: errors, focus: focus))
            <fieldset class="group" id="sumber">
            <legend>Cara usulan masuk</legend>
            \(sources)
            </fieldset>
            </fieldset>
            \(ProposalFormView.contentFields(form.answers, catalog: catalog, errors: errors, focus: focus))
            <fieldset>
            <legend>Pindaian formulir</legend>
            \(kept)
            \(FileFieldView.render(PaperForm.scanField, label: "Pindaian atau foto formulir bertanda tangan",
                                   hint: "PDF, JPEG atau PNG, paling besar 5 MB. Tidak wajib untuk usulan yang diinput langsung oleh delegasi.",
                                   accept: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png", error: error(PaperForm.scanField)))
            </fieldset>
            <div class="actions">
            <button type="submit" name="aksi" value="simpan" class="button">Simpan dan isi formulir berikutnya</button>
            </div>
            </form>
            """
    }

    /// The latest proposals waiting for the kelurahan verification (newest first), with how many there are.
    static func recent(_ page: ProposalPage?) -> HTML {
        guard let page, !page.rows.isEmpty else { return .empty }
        let rows = page.rows.map { row -> HTML in
            """
            <tr><td><span class="code">\(row.trackingCode.description)</span></td><td>\(row.title)</td>
            <td>\(AreaWords.rtRW(rt: row.rtNumber, rw: row.rwNumber) ?? "")</td><td class="num">\(Rupiah.format(row.effectiveCost))</td></tr>
            """
        }
        return """
            <h2>Usulan terakhir yang masuk verifikasi kelurahan</h2>
            <p>\(Rupiah.groupDigits(UInt64(page.total))) usulan menunggu verifikasi kelurahan; \(page.rows.count) terbaru:</p>
            <table><thead><tr><th scope="col">Kode</th><th scope="col">Judul</th><th scope="col">RT/RW</th><th scope="col">Biaya</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }
}
