import Musrenbang

/// The unit's saved reasons: each with a "Hapus" button, then a form to add one (its error beside the field, the
/// typed text kept).
enum ReasonTemplatesView {
    static func render(_ templates: [ReasonTemplate], unitLabel: String, typed: String, error: String?, csrfToken: String) -> HTML {
        let items = templates.map { template -> HTML in
            """
            <li><p>\(template.text)</p>
            <form method="post" action="\(VerificationPaths.removeTemplate(template.id))" class="inline">
            \(FormViews.csrf(csrfToken))
            <button type="submit" class="link">Hapus<span class="visually-hidden"> alasan ini</span></button>
            </form></li>
            """
        }
        let list: HTML = templates.isEmpty ? "<p class=\"empty\">Belum ada alasan tersimpan.</p>" : "<ul class=\"decisions\">\(items)</ul>"
        let summary: [FieldError] = error.map { [FieldError(field: "teks", message: $0)] } ?? []
        return """
            <p class="back"><a href="\(VerificationPaths.queue)">‹ Kembali ke daftar verifikasi</a></p>
            \(FormViews.errorSummary(summary))
            <h1>Alasan tersimpan</h1>
            <p class="lead">Alasan yang sering dipakai \(unitLabel) untuk menolak, mengubah atau mengembalikan usulan. Setiap verifikator di unit Anda memakai daftar yang sama; pilih alasannya pada formulir keputusan.</p>
            \(list)
            <h2>Tambah alasan</h2>
            <form method="post" action="\(VerificationPaths.templates)" novalidate>
            \(FormViews.csrf(csrfToken))
            \(FormViews.textArea("teks", label: "Teks alasan", value: typed,
                                 hint: "Paling banyak 500 huruf, misalnya \"Lokasi bukan aset pemerintah kota.\"", error: error, rows: 2))
            <button type="submit" class="button">Simpan alasan</button>
            </form>
            """
    }
}
