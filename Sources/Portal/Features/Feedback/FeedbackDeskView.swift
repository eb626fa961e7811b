import Foundation
import Musrenbang

/// The desk's pages: the queue (tabs per status with counts, a category filter, Bappeda's unit filter, pages; what waits
/// oldest first, the rest newest first) and one
/// item with everything its unit needs (the sender's name and contact included, marked as personal data), its history
/// with the forwarding notes, and the forms that answer, forward or close it at the version shown.
enum FeedbackDeskView {
    struct Queue {
        let desk: FeedbackDesk
        let unitName: String
        let tab: FeedbackTab
        let category: FeedbackCategory?
        let unitFilter: FeedbackUnit?
        let result: FeedbackPage
        let directory: FeedbackDirectory
    }

    static func queue(_ page: Queue) -> HTML {
        let tabs = FeedbackTab.allCases.map { tab -> HTML in
            let current: HTML = tab == page.tab ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(address(page, tab: tab, pageNumber: 1))\"\(current)>\(tab.label) <span class=\"count\">\(tab.count(page.result.counts))</span></a></li>"
        }
        let categories = ([nil] + FeedbackCategory.allCases.map(Optional.some)).map { choice -> HTML in
            let current: HTML = choice == page.category ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(address(page, category: .some(choice), pageNumber: 1))\"\(current)>\(choice?.displayName ?? "Semua kategori")</a></li>"
        }
        let unitFilter: HTML = page.desk.seesAll ? """
            <form method="get" action="\(FeedbackPaths.desk)" class="filters">
            <input type="hidden" name="status" value="\(page.tab.rawValue)">
            \(page.category.map { HTML("<input type=\"hidden\" name=\"kategori\" value=\"\($0.rawValue)\">") } ?? .empty)
            \(FormViews.select("unit", label: "Unit yang menangani", placeholder: "(semua unit)", groups: unitGroups(page.directory),
                               selected: page.unitFilter?.text, error: nil))
            <button type="submit" class="button secondary">Tampilkan</button>
            </form>
            """ : .empty
        let rows = page.result.items.map { item -> HTML in
            let unit: HTML = page.desk.seesAll ? "<td>\(page.directory.unitName(item.unit))</td>" : .empty
            return """
                <tr><td><a href="\(FeedbackPaths.deskItem(item.code))"><span class="code">\(item.code.description)</span></a></td>\
                <td>\(item.kind.displayName)</td><td>\(item.category.displayName)</td><td>\(page.directory.areaName(item.area))</td>\
                <td>\(FeedbackWords.excerpt(item.text, limit: 120))</td><td>\(FeedbackWords.badge(item.status))</td>\(unit)\
                <td>\(WIBTime.formatDate(item.createdAt))</td></tr>
                """
        }
        let unitHeader: HTML = page.desk.seesAll ? "<th scope=\"col\">Unit</th>" : .empty
        let table: HTML = page.result.items.isEmpty ? "<p class=\"empty\">Tidak ada saran di daftar ini.</p>" : """
            <div class="table-scroll">
            <table class="worklist">
            <caption>\(page.tab.label): \(page.result.total) saran</caption>
            <thead><tr><th scope="col">Kode</th><th scope="col">Jenis</th><th scope="col">Kategori</th><th scope="col">Wilayah</th><th scope="col">Isi</th><th scope="col">Status</th>\(unitHeader)<th scope="col">Diterima</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            </div>
            """
        return """
            <h1>Saran dan pengaduan</h1>
            <p class="lead">\(page.desk.seesAll ? "Semua saran dan pengaduan warga, dari setiap unit." : "Saran dan pengaduan warga yang ditangani \(page.unitName).") Jawaban tampil di halaman publik; nama dan kontak pengirim tidak.</p>
            <nav aria-label="Status"><ul class="tabs">\(tabs)</ul></nav>
            <nav aria-label="Kategori"><ul class="tabs">\(categories)</ul></nav>
            \(unitFilter)
            \(table)
            \(PaginationView.render(page: page.result.page, of: page.result.pageCount, label: "Halaman daftar saran") { address(page, pageNumber: $0) })
            """
    }

    /// The queue's own address for a tab, category and page (the current ones unless given).
    static func address(_ page: Queue, tab: FeedbackTab? = nil, category: FeedbackCategory?? = nil, pageNumber: Int) -> String {
        var parts = ["status=\((tab ?? page.tab).rawValue)"]
        if let chosen = category ?? page.category { parts.append("kategori=\(chosen.rawValue)") }
        if page.desk.seesAll, let unit = page.unitFilter { parts.append("unit=\(unit.text)") }
        if pageNumber > 1 { parts.append("halaman=\(pageNumber)") }
        return FeedbackPaths.desk + "?" + parts.joined(separator: "&")
    }

    /// Every unit, grouped: Bappeda, the agencies, the kecamatan, the kelurahan by kecamatan.
    static func unitGroups(_ directory: FeedbackDirectory, excluding: FeedbackUnit? = nil) -> [SelectGroup] {
        func option(_ unit: FeedbackUnit) -> SelectOption? {
            unit == excluding ? nil : SelectOption(value: unit.text, text: directory.unitName(unit))
        }
        return [
            SelectGroup(label: "Bappeda", options: [option(.bappeda)].compactMap { $0 }),
            SelectGroup(label: "Perangkat daerah", options: directory.opds.compactMap { option(.opd($0.id)) }),
            SelectGroup(label: "Kecamatan", options: directory.kecamatan.compactMap { option(.kecamatan($0.id)) }),
        ] + directory.kecamatan.map { kecamatan in
            SelectGroup(label: "Kelurahan di Kecamatan \(kecamatan.name)",
                        options: directory.kelurahan(in: kecamatan.id).compactMap { option(.kelurahan($0.id)) })
        }.filter { !$0.options.isEmpty }
    }

    struct Item {
        let desk: FeedbackDesk
        let item: FeedbackItem
        let events: [FeedbackEvent]
        let directory: FeedbackDirectory
        let form: FeedbackActionForm
        /// Which action's form was sent (its errors are shown beside it).
        var sent: FeedbackAction?
        let csrfToken: String
        var notice: RefusalNotice?
    }

    static func item(_ page: Item) -> HTML {
        let item = page.item
        let directory = page.directory
        let photo: HTML = item.photo.map { photo in
            """
            <p><a href="\(FeedbackPaths.deskPhoto(item.code))"><img src="\(FeedbackPaths.deskPhoto(item.code))?kecil=ya" width="\(photo.smallWidth)" height="\(photo.smallHeight)" alt="Foto dari pengirim (buka ukuran asli)"></a></p>
            """
        } ?? .empty
        let answer: HTML = item.answer.map { text in
            "<h2>Jawaban</h2><p class=\"when\">\(item.answeredAt.map(WIBTime.format) ?? "")</p><div class=\"prose\">\(text)</div>"
        } ?? .empty
        let closed: HTML = item.closedAt.map { at in
            "<p><span class=\"label\">Ditutup</span> \(WIBTime.format(at))\(item.closeNote.map { ": \($0)" } ?? "")\(item.hidden ? " (isi dan foto disembunyikan dari publik)" : "")</p>"
        } ?? .empty
        let history = page.events.map { event -> HTML in
            let who = event.actorRole.map { $0.displayName } ?? (event.actorAccountId == nil ? "Pengirim (tanpa akun)" : "Pengirim (akun warga)")
            let note: HTML = event.note.map { "<p class=\"note\"><span class=\"label\">Catatan:</span> \($0)</p>" } ?? .empty
            return """
                <li><p class="when">\(WIBTime.format(event.at))</p>\
                <p>\(FeedbackWords.step(event.action, from: event.fromUnit.map(directory.unitName), to: directory.unitName(event.toUnit))) <span class="muted">(\(who))</span></p>\(note)</li>
                """
        }
        let sender: HTML = """
            <section aria-labelledby="pengirim">
            <h2 id="pengirim">Pengirim</h2>
            <p class="hint">Data pribadi: hanya untuk menindaklanjuti saran ini. Jangan dicantumkan dalam jawaban atau dibagikan.</p>
            <dl class="facts">
            <dt>Nama</dt><dd>\(item.senderName ?? "(tidak diisi)")</dd>
            <dt>Kontak</dt><dd>\(item.senderContact ?? "(tidak diisi)")</dd>
            <dt>Akun</dt><dd>\(item.accountId == nil ? "Dikirim tanpa masuk akun" : "Dikirim oleh akun warga yang masuk: akan diberi tahu saat dijawab")</dd>
            </dl>
            </section>
            """
        return """
            <p class="back"><a href="\(FeedbackPaths.desk)">‹ Kembali ke daftar saran</a></p>
            \(FormViews.errorSummary(page.form.errors))
            \(page.notice?.html ?? .empty)
            <h1>\(item.kind.displayName) <span class="code">\(item.code.description)</span></h1>
            <p class="meta">\(FeedbackWords.badge(item.status)) <span>\(item.category.displayName)</span> <a href="\(FeedbackPaths.item(item.code))">Halaman publik</a></p>
            <dl class="facts">
            <dt>Wilayah</dt><dd>\(directory.areaName(item.area))</dd>
            <dt>Ditangani</dt><dd>\(directory.unitName(item.unit))</dd>
            <dt>Diterima</dt><dd>\(WIBTime.format(item.createdAt))</dd>
            </dl>
            <h2>Isi</h2>
            <div class="prose">\(item.text)</div>
            \(photo)
            \(answer)
            \(closed)
            \(sender)
            \(actions(page))
            <h2>Riwayat</h2>
            <ol class="timeline">\(history)</ol>
            """
    }

    /// The forms the item's status allows: answer, forward and close while it waits; close once answered.
    private static func actions(_ page: Item) -> HTML {
        let item = page.item
        guard item.status != .ditutup else { return "<p class=\"notice\">Saran ini sudah ditutup; tidak ada tindakan lagi.</p>" }
        let form = page.form
        func field(_ name: String, for action: FeedbackAction) -> String? { page.sent == action ? form.error(name) : nil }
        func value(_ text: String, for action: FeedbackAction) -> String { page.sent == action ? text : "" }
        let version: HTML = "<input type=\"hidden\" name=\"versi\" value=\"\(item.version)\">"
        var sections: [HTML] = []
        if item.status.isWaiting {
            sections.append("""
                <section class="decide" aria-labelledby="jawab">
                <h2 id="jawab">Jawab</h2>
                <form method="post" action="\(FeedbackPaths.deskAction(item.code, .jawab))" novalidate>
                \(FormViews.csrf(page.csrfToken))\(version)
                \(FormViews.textArea("jawaban", label: "Jawaban", value: value(form.answer, for: .jawab),
                                     hint: "Tampil di halaman publik atas nama \(page.directory.unitName(page.desk.seesAll ? .bappeda : item.unit)). Jangan menulis nama, nomor HP atau alamat pengirim.",
                                     error: field("jawaban", for: .jawab), rows: 5))
                <button type="submit" class="button">Kirim jawaban</button>
                </form>
                </section>
                """)
            sections.append("""
                <section class="decide" aria-labelledby="teruskan">
                <h2 id="teruskan">Teruskan ke unit lain</h2>
                <form method="post" action="\(FeedbackPaths.deskAction(item.code, .teruskan))" novalidate>
                \(FormViews.csrf(page.csrfToken))\(version)
                \(FormViews.select("tujuan", label: "Unit tujuan", placeholder: "(pilih unit)",
                                   groups: unitGroups(page.directory, excluding: item.unit), selected: page.sent == .teruskan ? form.target : nil,
                                   error: field("tujuan", for: .teruskan)))
                \(FormViews.textArea("catatan", label: "Catatan untuk unit tujuan", value: value(form.note, for: .teruskan),
                                     hint: "Mengapa diteruskan ke sana. Hanya dibaca petugas, tidak tampil di halaman publik.",
                                     error: field("catatan", for: .teruskan), rows: 3))
                <button type="submit" class="button secondary">Teruskan</button>
                </form>
                </section>
                """)
        }
        let checked: HTML = page.sent == .tutup && form.hide ? " checked" : .empty
        sections.append("""
            <section class="decide" aria-labelledby="tutup">
            <h2 id="tutup">Tutup</h2>
            <form method="post" action="\(FeedbackPaths.deskAction(item.code, .tutup))" novalidate>
            \(FormViews.csrf(page.csrfToken))\(version)
            \(FormViews.textArea("alasan", label: item.answer == nil ? "Alasan menutup tanpa jawaban" : "Catatan penutupan (tidak wajib)",
                                 value: value(form.reason, for: .tutup),
                                 hint: "Tampil di halaman publik\(item.answer == nil ? ", misalnya \"sama dengan SRN-2027-000012\" atau \"bukan kewenangan pemerintah kota\"" : "").",
                                 error: field("alasan", for: .tutup), rows: 3, required: item.answer == nil))
            <div class="choice"><input type="checkbox" id="sembunyikan" name="sembunyikan" value="ya"\(checked)>
            <label for="sembunyikan">Sembunyikan isi dan foto dari halaman publik (iklan, kata kasar, data pribadi orang lain); alasannya wajib diisi</label></div>
            <button type="submit" class="button secondary">Tutup saran</button>
            </form>
            </section>
            """)
        return HTML.join(sections)
    }
}
