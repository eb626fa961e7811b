import Musrenbang

/// "Periksa usulan Anda": every answer with an "Ubah" button back to its field, each photo with "Hapus foto" (back to
/// this page without it), then "Kirim usulan".
enum ProposalCheckView {
    static func render(_ answers: ProposalAnswers, place: ProposalPlace, catalog: ProposalCatalog, csrfToken: String,
                       target: ProposalFormTarget = .new, formToken: String? = nil) -> HTML {
        let item = answers.item(in: catalog)
        let coordinates = answers.latitude.isEmpty ? "-" : "\(answers.latitude), \(answers.longitude)"
        let rows: [(String, String, String?)] = [
            ("Lokasi (RT/RW)", place.text, nil),
            ("Kegiatan", item.map { "\($0.name) (\($0.unit))" } ?? "-", "kamus"),
            ("Volume", "\(answers.volumeNumber.map { Rupiah.groupDigits(UInt64($0)) } ?? answers.volume) \(item?.unit ?? "")", "volume"),
            ("Harga satuan (SSH)", item.map { Rupiah.format($0.unitPrice) } ?? "-", nil),
            ("Perkiraan biaya", answers.cost(in: catalog).map(Rupiah.format) ?? "-", nil),
            ("Judul usulan", answers.title, "title"),
            ("Permasalahan", answers.problem, "problem"),
            ("Keluaran yang diharapkan", answers.output.isEmpty ? "-" : answers.output, "expected_output"),
            ("Hasil yang diharapkan", answers.outcome.isEmpty ? "-" : answers.outcome, "expected_outcome"),
            ("Lokasi kegiatan", answers.location, "location"),
            ("Koordinat", coordinates, "latitude"),
            ("Penerima manfaat", "\(answers.beneficiaries.isEmpty ? "0" : answers.beneficiaries) orang", "beneficiaries"),
        ]
        let list = rows.map { label, value, field -> HTML in
            let change: HTML = field.map {
                "<button type=\"submit\" name=\"ubah\" value=\"\($0)\" class=\"link\">Ubah<span class=\"visually-hidden\"> \(label.lowercased())</span></button>"
            } ?? .empty
            // No <div> per row (see ProposalFactsView): the stylesheet's grid puts each answer on its line.
            return "<dt>\(label)</dt><dd>\(value)</dd><dd class=\"change\">\(change)</dd>"
        }
        return """
            <h1>Periksa usulan Anda</h1>
            <p class="lead">Pastikan semuanya benar sebelum dikirim. Setelah dikirim, usulan diperiksa Ketua RT lalu Ketua RW.</p>
            <form method="post" action="\(target.action)">
            \(FormViews.csrf(csrfToken))
            \(target.hidden)
            \(formToken.map { HTML("<input type=\"hidden\" name=\"formulir\" value=\"\($0)\">") } ?? .empty)
            \(answers.hiddenFields)
            \(target.photoToken.isEmpty ? .empty : HTML("<input type=\"hidden\" name=\"\(PhotoUploads.tokenField)\" value=\"\(target.photoToken)\">"))
            <input type="hidden" name="\(PhotoUploads.fromCheckField)" value="periksa">
            \(RemovablePhotosView.render(attached: target.photos, pending: target.pendingPhotos))
            \(target.pendingPhotos.isEmpty ? .empty : HTML("<p>\(target.pendingPhotos.count) foto baru akan disimpan bersama usulan.</p>"))
            <dl class="check">\(list)</dl>
            <div class="actions">
            <button type="submit" name="aksi" value="kirim" class="button">Kirim usulan</button>
            <button type="submit" name="aksi" value="draf" class="button secondary">\(target.saveLabel)</button>
            </div>
            </form>
            """
    }
}
