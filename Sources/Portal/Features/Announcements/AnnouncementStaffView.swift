import Foundation
import Musrenbang

/// The staff's announcements: the list by status (tabs with counts, pages), the form (new and change: every answer
/// kept and every error beside its field on a refusal), and one announcement's page with its publish and withdraw
/// forms and its history.
enum AnnouncementStaffView {
    static func list(_ page: AnnouncementPage, counts: [AnnouncementStatus: Int], status: AnnouncementStatus?, unitName: String) -> HTML {
        func link(_ status: AnnouncementStatus?, page: Int = 1) -> String {
            var parts: [String] = []
            if let status { parts.append("status=" + status.rawValue) }
            if page > 1 { parts.append("halaman=\(page)") }
            return AnnouncementPaths.staffList + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        }
        let all = counts.values.reduce(0, +)
        let choices: [(AnnouncementStatus?, String, Int)] = [(nil, "Semua", all)] + AnnouncementStatus.allCases.map { ($0, $0.displayName, counts[$0] ?? 0) }
        let tabs = choices.map { tab -> HTML in
                let (key, label, count) = tab
                let current: HTML = key == status ? " aria-current=\"page\"" : .empty
                return "<li><a href=\"\(link(key))\"\(current)>\(label) <span class=\"count\">\(count)</span></a></li>"
            }
        let rows = page.items.map { item -> HTML in
            let when: HTML = item.meeting.map { "<br><small>\(AnnouncementWords.when($0))</small>" } ?? .empty
            return """
                <tr><td><a href="\(AnnouncementPaths.staff(item.id))">\(item.title)</a>\(when)</td><td>\(item.kind.displayName)</td>\
                <td>\(item.areaName)</td><td>\(AnnouncementWords.badge(item.status))</td><td>\(WIBTime.format(item.updatedAt))</td></tr>
                """
        }
        let table: HTML = page.items.isEmpty ? "<p class=\"empty\">Belum ada pengumuman di sini.</p>" : """
            <table class="stack">
            <caption>Pengumuman \(unitName), yang terakhir diubah lebih dulu</caption>
            <thead><tr><th scope="col">Judul</th><th scope="col">Jenis</th><th scope="col">Wilayah</th><th scope="col">Keadaan</th><th scope="col">Diubah</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        return """
            <h1>Pengumuman</h1>
            <p class="lead">Jadwal rapat, panduan teknis dan berita untuk \(unitName). Draf hanya terlihat oleh petugas; yang diumumkan tampil di
            <a href="\(AnnouncementPaths.publicList)">halaman pengumuman</a>, di umpan Atom dan (jadwal rapat) di kalender <a href="\(AnnouncementPaths.schedule)">jadwal</a>.</p>
            <p class="actions"><a class="button" href="\(AnnouncementPaths.staffNew)">Buat pengumuman</a></p>
            <nav aria-label="Saring menurut keadaan"><ul class="tabs">\(tabs)</ul></nav>
            \(table)
            \(PaginationView.render(page: page.page, of: page.pageCount) { link(status, page: $0) })
            """
    }

    /// The form; `existing` is the announcement it changes (nil: a new one), `choices` the areas Bappeda chooses from
    /// (nil: the desk's own area, named by `unitName`).
    static func form(_ form: AnnouncementForm, existing: Announcement?, choices: AnnouncementAreaChoices?, unitName: String,
                     csrfToken: String) -> HTML {
        let action = existing.map { AnnouncementPaths.staff($0.id) } ?? AnnouncementPaths.staffNew
        let kinds = AnnouncementKind.allCases.map { SelectOption(value: $0.rawValue, text: $0.displayName) }
        let area: HTML = choices.map {
            FormViews.select("wilayah", label: "Wilayah", placeholder: "Pilih wilayah", groups: $0.groups(cityLabel: "Seluruh \($0.cityName)", withOPD: true),
                             selected: form.areaText, error: form.error("wilayah"),
                             hint: "Untuk seluruh kota, atau satu kecamatan, kelurahan atau perangkat daerah.")
        } ?? """
            <p>Wilayah: <strong>\(unitName)</strong></p>\(form.error("wilayah").map { "<p class=\"field-error\" id=\"wilayah\">\($0)</p>" } ?? "")
            """
        let stages = Stage.allCases.map { SelectOption(value: $0.rawValue, text: $0.displayName) }
        let removable: HTML = (existing?.documents ?? []).isEmpty ? .empty : {
            let items = existing!.documents.map { document -> HTML in
                let checked: HTML = form.removeDocuments.contains(document.id) ? " checked" : .empty
                return """
                    <li class="choice"><input type="checkbox" id="hapus-\(document.id)" name="hapus_dokumen" value="\(document.id)"\(checked)>\
                    <label for="hapus-\(document.id)">Hapus <a href="\(AnnouncementPaths.document(document))">\(document.title)</a> \
                    (\(MeetingDocumentsView.sizeText(document.byteCount)))</label></li>
                    """
            }
            return "<fieldset><legend>Dokumen terlampir</legend><ul class=\"plain\">\(items)</ul></fieldset>"
        }()
        let version: HTML = form.version.map { "<input type=\"hidden\" name=\"versi\" value=\"\($0)\">" } ?? .empty
        let publishes = existing.map { $0.status == .draft } ?? true
        let buttons: HTML = publishes ? """
            <button type="submit" name="aksi" value="draf" class="button secondary">Simpan draf</button>
            <button type="submit" name="aksi" value="umumkan" class="button">Simpan dan umumkan</button>
            """ : "<button type=\"submit\" name=\"aksi\" value=\"draf\" class=\"button\">Simpan perubahan</button>"
        return """
            \(FormViews.errorSummary(form.errors))
            <form method="post" action="\(action)" enctype="multipart/form-data" novalidate class="wide">
            \(FormViews.csrf(csrfToken))\(version)
            \(FormViews.select("jenis", label: "Jenis", placeholder: "Pilih jenis", groups: [SelectGroup(label: nil, options: kinds)],
                               selected: form.kind.rawValue, error: form.error("jenis")))
            \(area)
            \(FormViews.field("judul", label: "Judul", value: form.title, hint: "Misalnya \"Musrenbang Kelurahan Pondok Karya 2027\".",
                              error: form.error("judul")))
            \(FormViews.textArea("isi", label: "Isi", value: form.body, hint: "Teks biasa; baris kosong memisahkan paragraf. Wajib untuk berita.",
                                 error: form.error("isi"), rows: 8, required: false))
            <fieldset>
            <legend>Jadwal rapat</legend>
            <p class="hint">Diisi bila jenisnya jadwal rapat; tampil di halaman jadwal dan di kalender (iCalendar).</p>
            \(FormViews.select("tingkat", label: "Tingkat rapat", placeholder: "Pilih tingkat", groups: [SelectGroup(label: nil, options: stages)],
                               selected: form.stage, error: form.error("tingkat")))
            \(FormViews.field("tanggal", label: "Tanggal", value: form.day, type: "date", hint: "Misalnya 2027-01-12.", error: form.error("tanggal"),
                              required: false))
            <div class="pair">
            \(FormViews.field("mulai", label: "Jam mulai (WIB)", value: form.start, type: "time", hint: "Misalnya 09.00.", error: form.error("mulai"),
                              required: false))
            \(FormViews.field("selesai", label: "Jam selesai (WIB)", value: form.end, type: "time", hint: "Misalnya 12.00.", error: form.error("selesai"),
                              required: false))
            </div>
            \(FormViews.field("tempat", label: "Tempat", value: form.place, hint: "Misalnya \"Aula Kantor Kelurahan, Jl. Merpati 1\".",
                              error: form.error("tempat"), required: false))
            \(FormViews.textArea("undangan", label: "Yang diundang", value: form.invited,
                                 hint: "Misalnya \"Ketua RT/RW, LPM, PKK, tokoh masyarakat, perwakilan perempuan dan pemuda\".",
                                 error: form.error("undangan"), rows: 3, required: false))
            </fieldset>
            <fieldset>
            <legend>Dokumen</legend>
            <p class="hint">Panduan teknis perlu paling sedikit satu dokumen sebelum diumumkan. Siapa saja dapat mengunduhnya setelah diumumkan.</p>
            \(removable)
            \(FormViews.field("judul_berkas", label: "Judul dokumen baru", value: form.documentTitle,
                              hint: "Boleh kosong: nama berkasnya yang dipakai.", error: form.error("judul_berkas"), required: false))
            \(FileFieldView.render("berkas", label: "Berkas", hint: "PDF, JPEG atau PNG, paling besar \(AnnouncementRules.maxDocumentBytes / 1_048_576) MB. "
                                   + "Bila formulir ditolak, pilih berkasnya lagi.",
                                   accept: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png", error: form.error("berkas")))
            </fieldset>
            <div class="actions">\(buttons)</div>
            </form>
            """
    }

    /// One announcement for its staff: where it stands, its form (unless withdrawn), publish or withdraw, its history.
    static func page(_ announcement: Announcement, form: AnnouncementForm, withdrawal: WithdrawalForm, history: [AnnouncementLogEntry],
                     choices: AnnouncementAreaChoices?, unitName: String, csrfToken: String) -> HTML {
        let standing: HTML = switch announcement.status {
        case .draft: "Draf: belum terlihat oleh publik."
        case .published:
            "Diumumkan \(WIBTime.format(announcement.publishedAt ?? announcement.updatedAt)): <a href=\"\(AnnouncementPaths.announcement(announcement.id))\">lihat halaman publiknya</a>."
        case .withdrawn:
            "Ditarik \(WIBTime.format(announcement.withdrawnAt ?? announcement.updatedAt)). Alasan: \(announcement.withdrawalReason ?? "")"
        }
        let publish: HTML = announcement.status != .draft ? .empty : """
            <section class="decide" aria-labelledby="umumkan">
            <h2 id="umumkan">Umumkan</h2>
            <p>Setelah diumumkan, pengumuman tampil di halaman publik dan umpannya. Perubahan sesudahnya tetap dapat disimpan dan dicatat.</p>
            <form method="post" action="\(AnnouncementPaths.publish(announcement.id))">
            \(FormViews.csrf(csrfToken))<input type="hidden" name="versi" value="\(announcement.version)">
            <button type="submit" class="button">Umumkan sekarang</button>
            </form>
            </section>
            """
        let withdraw: HTML = announcement.status != .published ? .empty : """
            <section class="decide" aria-labelledby="tarik">
            <h2 id="tarik">Tarik pengumuman</h2>
            <p>Pengumuman yang ditarik hilang dari daftar dan umpan; halamannya menyebut bahwa pengumuman ditarik beserta alasannya. Penarikan tidak dapat dibatalkan.</p>
            \(FormViews.errorSummary(withdrawal.errors))
            <form method="post" action="\(AnnouncementPaths.withdraw(announcement.id))" novalidate>
            \(FormViews.csrf(csrfToken))<input type="hidden" name="versi" value="\(announcement.version)">
            \(FormViews.textArea("alasan", label: "Alasan penarikan", value: withdrawal.reason, hint: "Wajib; tampil di halaman pengumuman dan dicatat.",
                                 error: withdrawal.errors.first?.message, rows: 3))
            <button type="submit" class="button secondary">Tarik pengumuman</button>
            </form>
            </section>
            """
        let body: HTML = announcement.status == .withdrawn
            ? (announcement.meeting.map(AnnouncementWords.meetingFacts) ?? .empty) + AnnouncementWords.body(announcement.body)
                + AnnouncementWords.documents(announcement.documents)
            : "<h2>Ubah</h2>" + Self.form(form, existing: announcement, choices: choices, unitName: unitName, csrfToken: csrfToken)
        return """
            <p class="back"><a href="\(AnnouncementPaths.staffList)">‹ Semua pengumuman</a></p>
            <h1>\(announcement.title)</h1>
            <p class="meta">\(AnnouncementWords.badge(announcement.status)) \(announcement.kind.displayName) · \(announcement.areaName)</p>
            <p>\(standing)</p>
            \(publish)
            \(body)
            \(withdraw)
            <h2 id="riwayat">Riwayat</h2>
            \(historyList(history))
            """
    }

    private static func historyList(_ history: [AnnouncementLogEntry]) -> HTML {
        guard !history.isEmpty else { return "<p>Belum ada catatan.</p>" }
        let items = history.reversed().map { entry -> HTML in
            let changed = Set(entry.before.keys).union(entry.after.keys).sorted()
            let fields: HTML = entry.action == .update && !changed.isEmpty ? "<p>Yang berubah: \(changed.map(fieldName).joined(separator: ", "))</p>" : .empty
            let isDocument = entry.action == .addDocument || entry.action == .removeDocument
            let documentTitle = isDocument ? entry.after["judul"] ?? entry.before["judul"] : nil
            let document: HTML = documentTitle.map { "<p>\($0)</p>" } ?? .empty
            let reason: HTML = entry.reason.map { "<p>Alasan: \($0)</p>" } ?? .empty
            return """
                <li><p><strong>\(entry.action.pastTense)</strong> oleh \(entry.actorName) (\(entry.actorRole.displayName)), \(WIBTime.format(entry.at))</p>\
                \(fields)\(document)\(reason)</li>
                """
        }
        return "<ol class=\"history\">\(items)</ol>"
    }

    /// The logged field's name in words (the form's name where it says enough).
    static func fieldName(_ key: String) -> String {
        switch key {
        case "tingkat": "tingkat rapat"
        case "mulai": "waktu mulai"
        case "selesai": "waktu selesai"
        case "undangan": "yang diundang"
        default: key
        }
    }
}
