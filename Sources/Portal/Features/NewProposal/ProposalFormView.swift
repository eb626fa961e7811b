import Musrenbang

/// The proposal form: the activity from the kamus with its satuan and SSH price, the volume and the cost it makes
/// ("Hitung biaya" shows it without JavaScript), and what the proposal is about. Every answer is kept on refusal.
enum ProposalFormView {
    static func render(_ answers: ProposalAnswers, place: ProposalPlace, catalog: ProposalCatalog, errors: [FieldError],
                       csrfToken: String, focus: String? = nil, notice: String? = nil, target: ProposalFormTarget = .new) -> HTML {
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        return """
            <h1>\(target.heading)</h1>
            <p class="lead">\(target.lead.map { $0 + " " } ?? "")Lokasi: <strong>\(place.text)</strong>.\(target.placeChangeable ? HTML(" <a href=\"/usulan/baru?pilih=1\">Ganti lokasi</a>") : .empty)</p>
            \(FormViews.errorSummary(errors))
            \(notice.map { HTML("<div class=\"error-summary\" role=\"alert\"><h2>Usulan belum dapat disimpan</h2><p>\($0)</p><p>Jawaban Anda tetap di bawah ini. Bila ada usulan mendesak di luar jadwal, hubungi operator kelurahan Anda.</p></div>") } ?? .empty)
            <form method="post" action="\(target.action)" enctype="multipart/form-data" novalidate>
            \(FormViews.csrf(csrfToken))
            \(target.hidden)
            <input type="hidden" name="rt" value="\(place.rtId)">
            \(contentFields(answers, catalog: catalog, errors: errors, focus: focus))
            \(PhotoFieldView.render(target, token: target.photoToken.isEmpty ? SessionToken.make() : target.photoToken,
                                   error: error(PhotoUploads.fileField)))
            <div class="actions">
            <button type="submit" name="aksi" value="periksa" class="button">Periksa jawaban</button>
            <button type="submit" name="aksi" value="draf" class="button secondary">\(target.saveLabel)</button>
            </div>
            </form>
            """
    }

    /// The activity with its volume and cost, and what the proposal is about: the fields every proposal form shares
    /// (the resident's, the operator's paper form).
    static func contentFields(_ answers: ProposalAnswers, catalog: ProposalCatalog, errors: [FieldError], focus: String?) -> HTML {
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let item = answers.item(in: catalog)
        let costHTML: HTML
        if let item, let volume = answers.volumeNumber, let cost = answers.cost(in: catalog) {
            costHTML = """
                <p class="cost" role="status">Perkiraan biaya: <strong>\(Rupiah.format(cost))</strong>
                (\(Rupiah.groupDigits(UInt64(volume))) \(item.unit) × \(Rupiah.format(item.unitPrice)))</p>
                """
        } else {
            costHTML = """
                <p class="cost hint">Biaya dihitung dari volume × harga satuan kegiatan (Standar Satuan Harga kota).</p>
                """
        }
        return """
            <fieldset>
            <legend>Kegiatan dan biaya</legend>
            \(FormViews.select("kamus", label: "Kegiatan", placeholder: "Pilih kegiatan", groups: catalog.groups, selected: answers.kamusId,
                               error: error("kamus"), hint: "Pilih dari kamus usulan kota. Harga satuan mengikuti Standar Satuan Harga (SSH)."))
            \(FormViews.field("volume", label: "Volume" + (item.map { " (dalam \($0.unit))" } ?? ""), value: answers.volume,
                              hint: "Angka bulat, misalnya 120.", error: error("volume"), inputMode: "numeric", autofocus: focus == "volume"))
            \(costHTML)
            <button type="submit" name="aksi" value="hitung" class="button secondary">Hitung biaya</button>
            </fieldset>
            <fieldset>
            <legend>Tentang usulan</legend>
            \(FormViews.field("title", label: "Judul usulan", value: answers.title, hint: "Singkat dan jelas, misalnya \"Perbaikan saluran air RT 03\".",
                              error: error("title"), autofocus: focus == "title"))
            \(FormViews.textArea("problem", label: "Permasalahan", value: answers.problem,
                                 hint: "Apa masalahnya, sejak kapan, siapa yang terdampak.", error: error("problem"), autofocus: focus == "problem"))
            \(FormViews.textArea("expected_output", label: "Keluaran yang diharapkan (tidak wajib)", value: answers.output,
                                 hint: "Apa yang dibangun atau diberikan, misalnya \"saluran 120 meter\".", error: error("expected_output"),
                                 rows: 2, required: false, autofocus: focus == "expected_output"))
            \(FormViews.textArea("expected_outcome", label: "Hasil yang diharapkan (tidak wajib)", value: answers.outcome,
                                 hint: "Apa yang berubah bagi warga, misalnya \"jalan tidak tergenang saat hujan\".",
                                 error: error("expected_outcome"), rows: 2, required: false, autofocus: focus == "expected_outcome"))
            \(FormViews.field("location", label: "Lokasi kegiatan", value: answers.location, hint: "Nama jalan, gang atau patokan.",
                              error: error("location"), autofocus: focus == "location"))
            <div class="pair\(error("latitude") == nil ? "" : " has-error")" id="coordinates">
            <p class="hint">Koordinat (tidak wajib), misalnya dari peta di ponsel Anda.</p>
            \(error("latitude").map { HTML("<p class=\"field-error\">\($0)</p>") } ?? .empty)
            \(FormViews.field("latitude", label: "Lintang", value: answers.latitude, required: false, inputMode: "decimal"))
            \(FormViews.field("longitude", label: "Bujur", value: answers.longitude, required: false, inputMode: "decimal"))
            </div>
            \(FormViews.field("beneficiaries", label: "Jumlah penerima manfaat (orang)", value: answers.beneficiaries,
                              error: error("beneficiaries"), inputMode: "numeric", autofocus: focus == "beneficiaries"))
            </fieldset>
            """
    }
}
