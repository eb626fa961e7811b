import Musrenbang

/// `/kerja/berita-acara`: before signing, the reviewed run in short and the form; once signed, what it records, the
/// delegates (with the warning when no woman is among them), the scan of the signed paper and its upload, and the
/// printable document.
enum BeritaAcaraView {
    static func form(_ situation: MeetingSituation, sheet: AllocationSheet, form: BeritaAcaraForm, csrfToken: String,
                     notice: RefusalNotice? = nil) -> HTML {
        let head: HTML = """
            <p class="back"><a href="\(MeetingPaths.scoring)">Penilaian dan peringkat</a> · <a href="\(MeetingPaths.allocation)">Alokasi pagu</a></p>
            <h1>Berita acara</h1>
            <p class="lead">\(situation.meetingTitle), \(situation.cycle.name). Menandatangani berita acara menerapkan hasil alokasi yang ditinjau musyawarah (F1 didanai, F2 diteruskan) dan mengunci hasil tingkat ini.</p>
            \(notice?.html ?? .empty)\(situation.closedNotice)
            """
        let reviewed: HTML = sheet.run.map { run in
            """
            <section class="next-step"><h2>Hasil alokasi yang ditinjau: nomor \(run.runId)</h2>
            <p>Dijalankan \(WIBTime.format(run.runAt)): \(sheet.funded.count) usulan didanai (\(Rupiah.format(run.fundedTotal))), \(sheet.passedUp.count) diteruskan, sisa pagu \(Rupiah.format(run.remaining)).</p>
            <p><a href="\(MeetingPaths.allocation)">Lihat rinciannya</a>. Bila ada yang berubah sesudahnya, berita acara ditolak dan alokasi perlu dijalankan lagi.</p>
            <p class="actions"><a class="button secondary" href="\(MeetingPaths.print)">Baca dan cetak draf berita acara</a></p></section>
            """
        } ?? "<div class=\"notice\" role=\"status\"><h2>Alokasi belum dijalankan</h2><p>Bila ada usulan yang diterima untuk pagu ini, jalankan alokasi dan tinjau hasilnya dulu di halaman <a href=\"\(MeetingPaths.allocation)\">Alokasi pagu</a>.</p></div>"
        guard situation.open else { return head + reviewed }
        let reviewedNow = reviewed + sheet.outdatedNotice
        let rows = form.delegates.enumerated().map { index, row -> HTML in
            let n = index + 1
            let genders = Delegate.Gender.allCases.map { SelectOption(value: $0.rawValue, text: $0.displayName) }
            return """
                <div class="delegate">
                \(FormViews.field("delegate_name_\(n)", label: "Nama delegasi \(n)", value: row.name, error: form.error("delegate_name_\(n)"), required: false))
                \(FormViews.select("delegate_gender_\(n)", label: "Jenis kelamin delegasi \(n)", placeholder: "Pilih",
                                   groups: [SelectGroup(label: nil, options: genders)], selected: row.gender, error: form.error("delegate_gender_\(n)")))
                </div>
                """
        }
        let delegatesError: HTML = form.error("delegates").map { "<p class=\"field-error\" id=\"delegates-error\">\($0)</p>" } ?? .empty
        let warning: HTML = form.warnNoWoman ? noWomanWarning(form) : .empty
        let runField: HTML = form.runId.map { "<input type=\"hidden\" name=\"alokasi\" value=\"\($0)\">" } ?? .empty
        return head + reviewedNow + FormViews.errorSummary(form.errors) + """
            <form method="post" action="\(MeetingPaths.beritaAcara)">
            \(FormViews.csrf(csrfToken))\(runField)
            \(FormViews.field("document_number", label: "Nomor berita acara", value: form.documentNumber, error: form.error("document_number")))
            \(FormViews.field("meeting_date", label: "Tanggal musyawarah", value: form.meetingDate, type: "date", hint: "Tahun-bulan-tanggal, misalnya 2027-01-15.",
                              error: form.error("meeting_date")))
            \(FormViews.field("place", label: "Tempat", value: form.place, hint: "Misalnya Aula Kantor Kelurahan.", error: form.error("place")))
            \(FormViews.field("chair", label: "Pimpinan musyawarah", value: form.chair, error: form.error("chair")))
            <fieldset class="group\(form.error("delegates") == nil ? "" : " has-error")" id="delegates"><legend>Delegasi untuk musyawarah berikutnya</legend>
            <p class="hint">Paling sedikit satu; keterwakilan perempuan wajib diupayakan. Kosongkan baris yang tidak dipakai.</p>
            \(delegatesError)\(rows)
            </fieldset>
            \(warning)
            <p class="actions"><button type="submit" class="button">Tandatangani dan kunci hasil</button></p>
            </form>
            """
    }

    private static func noWomanWarning(_ form: BeritaAcaraForm) -> HTML {
        let checked: HTML = form.confirmedNoWoman ? " checked" : .empty
        let error: HTML = form.error("tanpa_perempuan").map { "<p class=\"field-error\" id=\"tanpa_perempuan-error\">\($0)</p>" } ?? .empty
        return """
            <div class="notice warning\(form.error("tanpa_perempuan") == nil ? "" : " has-error")" role="alert">
            <h2>Tidak ada perempuan di antara delegasi</h2>
            \(error)
            <div class="choice"><input type="checkbox" id="tanpa_perempuan" name="tanpa_perempuan" value="1"\(checked)>\
            <label for="tanpa_perempuan">Musyawarah tetap memutuskan delegasi ini tanpa perempuan</label></div>
            </div>
            """
    }

    static func signed(_ situation: MeetingSituation, beritaAcara: BeritaAcara, details: BeritaAcaraDetails?, scan: BeritaAcaraScan?,
                       csrfToken: String, scanError: String? = nil) -> HTML {
        let facts: HTML = """
            <dl class="facts">
            <dt>Nomor</dt><dd>\(beritaAcara.documentNumber)</dd>
            \(details.map { d -> HTML in """
                <dt>Tanggal</dt><dd>\(d.meetingDate.displayText)</dd>
                <dt>Tempat</dt><dd>\(d.place)</dd>
                <dt>Pimpinan musyawarah</dt><dd>\(d.chair)</dd>
                """ } ?? .empty)
            <dt>Ditandatangani</dt><dd>\(beritaAcara.signedBy), \(WIBTime.format(beritaAcara.lockedAt))</dd>
            </dl>
            """
        let delegates: HTML = details.map(delegateList) ?? .empty
        let scanText: HTML = scan.map { s in
            "<p>Pindaian tersimpan (\(s.kind.fileExtension.uppercased()), \(s.byteCount / 1024) KB, \(WIBTime.format(s.uploadedAt))). <a href=\"\(MeetingPaths.scan)\">Buka pindaian</a></p>"
        } ?? "<p>Belum ada pindaian berita acara yang sudah ditandatangani.</p>"
        let scanField = FieldFrame(name: "pindaian", label: scan == nil ? "Pindaian berita acara bertanda tangan" : "Ganti pindaian",
                                   hint: "PDF, JPEG atau PNG, paling besar 10 MB.", error: scanError)
        return """
            <p class="back"><a href="\(MeetingPaths.allocation)">Alokasi pagu</a></p>
            <h1>Berita acara</h1>
            <p class="lead">\(situation.meetingTitle), \(situation.cycle.name): ditandatangani dan dikunci. Perubahan hanya dapat dilakukan oleh Bappeda dan dicatat.</p>
            \(facts)\(delegates)
            <p class="actions"><a class="button" href="\(MeetingPaths.print)">Cetak berita acara</a></p>
            <section class="next-step" id="pindaian-bagian"><h2>Pindaian yang sudah ditandatangani</h2>
            \(scanText)
            <form method="post" action="\(MeetingPaths.scan)" enctype="multipart/form-data">
            \(FormViews.csrf(csrfToken))
            \(scanField.wrap("<input id=\"pindaian\" name=\"pindaian\" type=\"file\" accept=\"application/pdf,image/jpeg,image/png\"\(scanField.controlAttributes)>"))
            <p class="actions"><button type="submit" class="button secondary">Unggah pindaian</button></p>
            </form></section>
            """
    }

    static func delegateList(_ details: BeritaAcaraDetails) -> HTML {
        let rows = details.delegates.enumerated().map { index, d -> HTML in
            "<tr><td class=\"num\">\(index + 1)</td><td>\(d.name)</td><td>\(d.gender.displayName)</td></tr>"
        }
        let warning: HTML = details.includesWoman ? .empty
            : "<p class=\"notice\">Tidak ada perempuan di antara delegasi.</p>"
        return """
            <h2>Delegasi untuk musyawarah berikutnya</h2>
            <table class="delegates"><thead><tr><th scope="col" class="num">No.</th><th scope="col">Nama</th><th scope="col">Jenis kelamin</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(warning)
            """
    }
}
