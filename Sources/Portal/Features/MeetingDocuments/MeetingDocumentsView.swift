import Foundation
import Musrenbang

/// The documents of the kelurahan's Musrenbang: the list with downloads, the upload, and a file for one proposal.
enum MeetingDocumentsView {
    static func render(area: KelurahanArea, cycle: Cycle, documents: [MeetingDocument], form: MeetingDocumentForm,
                       attach: ProposalAttachmentForm, csrfToken: String) -> HTML {
        let rows = documents.map { document -> HTML in
            """
            <tr><td>\(document.kind.displayName)</td><td><a href="\(OperatorPaths.document(document.id.rawValue))">\(document.title)</a></td>
            <td>\(document.fileName)</td><td class="num">\(sizeText(document.byteCount))</td><td>\(WIBTime.format(document.uploadedAt))</td></tr>
            """
        }
        let list: HTML = documents.isEmpty ? "<p class=\"empty\">Belum ada dokumen Musrenbang kelurahan untuk \(cycle.name).</p>" : """
            <table><caption>Dokumen Musrenbang Kelurahan \(area.kelurahan.name), \(cycle.name)</caption>
            <thead><tr><th scope="col">Jenis</th><th scope="col">Judul</th><th scope="col">Berkas</th><th scope="col">Ukuran</th><th scope="col">Diunggah</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let kinds = MeetingDocumentKind.allCases.map { SelectOption(value: $0.rawValue, text: $0.displayName) }
        func error(_ errors: [FieldError], _ field: String) -> String? { errors.first { $0.field == field }?.message }
        return """
            <h1>Dokumen Musrenbang kelurahan</h1>
            <p class="lead">Simpan undangan, daftar hadir, foto kegiatan dan berita acara bertanda tangan Musrenbang Kelurahan
            \(area.kelurahan.name). Verifikator kelurahan, kecamatan dan Bappeda dapat mengunduhnya.</p>
            <p><a href="\(OperatorPaths.paperForm)">Formulir kertas</a> · <a href="\(OperatorPaths.importPage)">Impor CSV</a></p>
            \(list)
            <h2>Unggah dokumen</h2>
            \(FormViews.errorSummary(form.errors))
            <form method="post" action="\(OperatorPaths.documents)" enctype="multipart/form-data" novalidate>
            \(FormViews.csrf(csrfToken))
            \(FormViews.select("jenis", label: "Jenis dokumen", placeholder: "Pilih jenis", groups: [SelectGroup(label: nil, options: kinds)],
                               selected: form.kind.rawValue, error: error(form.errors, "jenis")))
            \(FormViews.field("judul", label: "Judul", value: form.title, hint: "Misalnya \"Daftar hadir Musrenbang Kelurahan, 8 Januari\".",
                              error: error(form.errors, "judul")))
            \(FileFieldView.render("berkas", label: "Berkas", hint: "PDF, JPEG atau PNG, paling besar \(MeetingDocumentRules.maxBytes / 1_048_576) MB.",
                                   accept: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png", error: error(form.errors, "berkas")))
            <div class="actions"><button type="submit" class="button">Unggah dokumen</button></div>
            </form>
            <h2>Lampiran untuk satu usulan</h2>
            <p>Misalnya surat pendukung atau foto lokasi untuk usulan dari formulir kertas. Lampiran tidak dapat ditambahkan pada draf
            yang diisi warga sendiri secara daring.</p>
            \(FormViews.errorSummary(attach.errors))
            <form method="post" action="\(OperatorPaths.proposalAttachment)" enctype="multipart/form-data" novalidate>
            \(FormViews.csrf(csrfToken))
            \(FormViews.field("kode", label: "Kode usulan", value: attach.code, hint: "Misalnya TGS-2027-000123.", error: error(attach.errors, "kode")))
            \(FileFieldView.render("lampiran", label: "Berkas", hint: "PDF, JPEG atau PNG, paling besar 5 MB.",
                                   accept: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png", error: error(attach.errors, "lampiran")))
            <div class="actions"><button type="submit" class="button secondary">Lampirkan ke usulan</button></div>
            </form>
            """
    }

    /// "120 KB", "2,4 MB".
    static func sizeText(_ bytes: Int64) -> String {
        if bytes < 1_048_576 { return "\(max(1, (bytes + 1023) / 1024)) KB" }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
