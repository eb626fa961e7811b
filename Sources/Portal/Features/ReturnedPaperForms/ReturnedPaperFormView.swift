import Musrenbang

/// The operator's returned paper forms: the list with each verifier's note, and the correction form (the proposer's name
/// and RT/RW and the same content fields as the paper form) that saves and sends the form back to the verifier.
enum ReturnedPaperFormView {
    static func list(_ forms: [ReturnedPaperForm], residents: Int, area: KelurahanArea) -> HTML {
        let rows = forms.map { form -> HTML in
            let p = form.proposal
            return """
                <tr><td><span class="code">\(p.trackingCode.description)</span></td><td>\(p.title)<br><span class="muted">\(p.proposerName), \(rtRW(p, area: area))</span></td>\
                <td>\(form.returnedAt.map(WIBTime.format) ?? "")</td><td>\(form.note)</td>\
                <td><a href="\(OperatorPaths.returned(p.trackingCode))">Perbaiki<span class="visually-hidden"> \(p.trackingCode.description)</span></a></td></tr>
                """
        }
        let table: HTML = forms.isEmpty ? "<p>Tidak ada formulir kertas yang dikembalikan oleh verifikator kelurahan.</p>" : """
            <div class="table-scroll"><table><thead><tr><th scope="col">Kode</th><th scope="col">Usulan</th><th scope="col">Dikembalikan</th>\
            <th scope="col">Catatan verifikator</th><th scope="col"><span class="visually-hidden">Tindakan</span></th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let residentNote: HTML = residents == 0 ? .empty
            : "<p class=\"hint\">\(residents) usulan yang dikirim warga sendiri lewat portal juga dikembalikan; warga pengusul memperbaikinya dari akunnya.</p>"
        return """
            <p class="back"><a href="\(OperatorPaths.paperForm)">Formulir kertas</a></p>
            <h1>Formulir kertas yang dikembalikan</h1>
            <p class="lead">Usulan dari formulir kertas Kelurahan \(area.kelurahan.name) yang dikembalikan verifikator kelurahan untuk diperbaiki. \
            Perbaiki sesuai catatannya, lalu kirim lagi ke verifikasi kelurahan.</p>
            \(table)\(residentNote)
            """
    }

    /// The correction form; `notice` is a rule of the engine shown at the top, `scheduleNotice` why it cannot be sent now.
    static func form(_ form: ReturnedPaperForm, proposer: ProposerAnswers, answers: ProposalAnswers, version: Int64, area: KelurahanArea,
                     catalog: ProposalCatalog, errors: [FieldError], csrfToken: String, scheduleNotice: String?, notice: String? = nil,
                     focus: String? = nil) -> HTML {
        let p = form.proposal
        let returned: HTML = """
            <div class="returned"><p><strong>Dikembalikan\(form.returnedBy.isEmpty ? "" : " oleh \(form.returnedBy)")\
            \(form.returnedAt.map { ", \(WIBTime.format($0))" } ?? "").</strong></p>
            <p><span class="label">Catatan verifikator:</span> \(form.note.isEmpty ? "(tanpa catatan)" : form.note)</p></div>
            """
        return """
            <p class="back"><a href="\(OperatorPaths.returned)">Formulir kertas yang dikembalikan</a></p>
            <h1>Perbaiki formulir kertas <span class="code">\(p.trackingCode.description)</span></h1>
            \(returned)
            \(scheduleNotice.map { HTML("<div class=\"notice\" role=\"status\"><p>\($0)</p></div>") } ?? .empty)
            \(FormViews.errorSummary(errors))
            \(notice.map { HTML("<div class=\"error-summary\" role=\"alert\"><h2>Perbaikan belum dapat dikirim</h2><p>\($0)</p><p>Isian Anda tetap di bawah ini.</p></div>") } ?? .empty)
            <form method="post" action="\(OperatorPaths.returned(p.trackingCode))" novalidate>
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="versi" value="\(version)">
            <fieldset>
            <legend>Pengusul</legend>
            <p class="hint">Tertulis sekarang: \(p.proposerName), \(rtRW(p, area: area)). Perbaiki bila nama atau RT/RW salah; perubahannya \
            tercatat di riwayat usulan (RT/RW lama dan baru; nama hanya terlihat oleh petugas).</p>
            \(proposer.fields(area: area, errors: errors, focus: focus))
            </fieldset>
            \(ProposalFormView.contentFields(answers, catalog: catalog, errors: errors, focus: focus))
            <div class="actions">
            <button type="submit" name="aksi" value="kirim" class="button">Simpan perbaikan dan kirim ke verifikasi kelurahan</button>
            </div>
            </form>
            """
    }

    private static func rtRW(_ p: Proposal, area: KelurahanArea) -> String {
        guard let rt = p.origin.rtId, let place = area.rt(id: rt.rawValue) else { return "-" }
        return AreaWords.rtRW(rt: place.rt.number, rw: place.rw.number) ?? "-"
    }
}
