import Musrenbang

/// The public feedback form: kind, category (with examples), area (every kelurahan grouped by kecamatan, each kecamatan
/// as a whole, the whole city), the text, an optional photo, then the optional name and contact with what happens to
/// them, the hidden anti-spam fields. Plain HTML: works without script.
enum FeedbackFormView {
    struct Page {
        let form: FeedbackForm
        let directory: FeedbackDirectory
        let csrfToken: String
        let stamp: String
        /// A refusal of the whole form (too many sent, too fast, expired), shown at the top.
        var notice: String?
        /// A photo was chosen but not kept (another field was refused): it must be chosen again.
        var photoDropped = false
        /// The signed-in sender's name (their feedback is kept with their account).
        var signedInAs: String?
    }

    static func render(_ page: Page) -> HTML {
        let form = page.form
        let notice: HTML = page.notice.map { "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><p>\($0)</p></div>" } ?? .empty
        let account: HTML = page.signedInAs.map {
            "<p class=\"hint\">Anda masuk sebagai \($0). Saran ini dicatat pada akun Anda agar Anda dapat diberi tahu saat dijawab; nama akun Anda tidak ditampilkan kepada publik.</p>"
        } ?? .empty
        let photoHint = page.photoDropped
            ? "Foto yang tadi Anda pilih belum disimpan karena ada isian lain yang perlu diperbaiki: pilih fotonya lagi."
            : "Satu foto JPEG atau PNG, paling besar 5 MB. Versi kecilnya tampil di halaman publik tanpa data lokasi atau perangkat dari ponsel."
        return """
            \(FormViews.errorSummary(form.errors))
            \(notice)
            <h1>Kirim saran atau pengaduan</h1>
            <p class="lead">Sampaikan saran atau keluhan tentang pembangunan dan pelayanan di \(page.directory.cityName). Setiap saran diarahkan ke unit yang berwenang (kelurahan, kecamatan, perangkat daerah, atau Bappeda), dijawab, dan jawabannya diumumkan di sini.</p>
            <p>Isi saran, wilayah dan jawabannya tampil di halaman publik. <strong>Nama dan kontak Anda tidak pernah ditampilkan</strong>; hanya petugas yang menangani saran Anda yang dapat membacanya. Jangan menulis nomor telepon, alamat rumah atau NIK di kolom isi.</p>
            <form method="post" action="\(FeedbackPaths.form)" enctype="multipart/form-data" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="\(FeedbackForm.stampField)" value="\(page.stamp)">
            \(radios("jenis", legend: "Jenis", choices: FeedbackKind.allCases.map { ($0.rawValue, $0.displayName, $0.explanation) },
                     selected: form.kind, error: form.error("jenis")))
            \(radios("kategori", legend: "Kategori", choices: FeedbackCategory.allCases.map { ($0.rawValue, $0.displayName, $0.examples) },
                     selected: form.category, error: form.error("kategori")))
            \(FormViews.select("wilayah", label: "Wilayah", placeholder: "(pilih wilayah)", groups: areaGroups(page.directory),
                               selected: form.area, error: form.error("wilayah"),
                               hint: "Kelurahan tempat masalahnya, atau satu kecamatan, atau seluruh kota."))
            \(FormViews.textArea("uraian", label: "Isi saran atau pengaduan", value: form.text,
                                 hint: "Apa yang terjadi atau Anda usulkan, di mana tepatnya (nama jalan, RT/RW), sejak kapan. Paling sedikit 10 huruf.",
                                 error: form.error("uraian"), rows: 6))
            \(FileFieldView.render(FeedbackForm.photoField, label: "Foto (tidak wajib)", hint: photoHint, accept: "image/jpeg,image/png",
                                   error: form.error("foto")))
            <fieldset class="group">
            <legend>Data Anda (tidak wajib, tidak pernah ditampilkan)</legend>
            \(account)
            \(FormViews.field("nama", label: "Nama", value: form.name, hint: "Boleh dikosongkan.", error: form.error("nama"),
                              autocomplete: "name", required: false))
            \(FormViews.field("kontak", label: "Nomor HP atau e-mail", value: form.contact,
                              hint: "Agar petugas dapat menghubungi Anda bila perlu keterangan. Boleh dikosongkan.", error: form.error("kontak"),
                              autocomplete: "off", required: false))
            </fieldset>
            <div class="hp">
            <label for="\(FeedbackForm.honeypotField)">Jangan isi kolom ini</label>
            <input type="text" id="\(FeedbackForm.honeypotField)" name="\(FeedbackForm.honeypotField)" value="\(form.honeypot)" tabindex="-1" autocomplete="off">
            </div>
            <button type="submit" class="button">Kirim</button>
            </form>
            <p>Sudah mengirim? <a href="\(FeedbackPaths.track)">Lacak saran dengan kodenya</a>. Lihat juga <a href="\(FeedbackPaths.list)">saran yang sudah dijawab</a> dan <a href="\(FeedbackPaths.statistics)">statistik saran</a>.</p>
            """
    }

    /// A fieldset of radio buttons, each with its explanation.
    static func radios(_ name: String, legend: String, choices: [(value: String, label: String, hint: String)], selected: String,
                       error: String?) -> HTML {
        let items = choices.map { choice -> HTML in
            let checked: HTML = choice.value == selected ? " checked" : .empty
            return """
                <div class="choice"><input type="radio" id="\(name)-\(choice.value)" name="\(name)" value="\(choice.value)"\(checked)>
                <label for="\(name)-\(choice.value)">\(choice.label) <span class="muted">(\(choice.hint))</span></label></div>
                """
        }
        let message: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
        return """
            <fieldset id="\(name)" class="\(error == nil ? "" : "has-error")">
            <legend>\(legend)</legend>
            \(message)
            \(items)
            </fieldset>
            """
    }

    /// The whole city, then each kecamatan as a whole and its kelurahan.
    static func areaGroups(_ directory: FeedbackDirectory) -> [SelectGroup] {
        [SelectGroup(label: nil, options: [SelectOption(value: FeedbackArea.kota.text, text: directory.areaName(.kota))])]
            + directory.kecamatan.map { kecamatan in
                SelectGroup(label: "Kecamatan " + kecamatan.name, options:
                    [SelectOption(value: FeedbackArea.kecamatan(kecamatan.id).text, text: "Seluruh Kecamatan \(kecamatan.name)")]
                    + directory.kelurahan(in: kecamatan.id).map {
                        SelectOption(value: FeedbackArea.kelurahan($0.id).text, text: "Kelurahan \($0.name)")
                    })
            }
    }
}
