import Foundation
import Musrenbang

/// The kota stage's final list: tabs with counts (waiting, ratified, not ratified), filters by funding level,
/// kecamatan and OPD (a GET form: every view a shareable address), the totals per level, the proposals 100 a page,
/// and on the waiting tab while the kota stage is open a checkbox per row with one decision and one reason.
enum RatificationListView {
    struct Page {
        let cycle: Cycle
        let filter: RatificationFilter
        let counts: [RatificationFilter.Tab: Int]
        let totals: RatificationTotals
        let result: ProposalPage
        let kecamatan: [SelectOption]
        let opds: [SelectOption]
        let bulk: RatificationBulkForm
        let kotaLocked: Bool
        let csrfToken: String
        let now: Date
    }

    static func render(_ page: Page) -> HTML {
        let tabs = RatificationFilter.Tab.allCases.map { tab -> HTML in
            let current: HTML = tab == page.filter.tab ? " aria-current=\"page\"" : .empty
            return "<li><a href=\"\(RatificationPaths.list)\(page.filter.queryString(tab: tab))\"\(current)>\(tab.label) <span class=\"count\">\(page.counts[tab] ?? 0)</span></a></li>"
        }
        let offersBulk = page.filter.tab == .menunggu && page.cycle.isOpen(.kota, at: page.now) && !page.kotaLocked && !page.result.rows.isEmpty
        let locked: HTML = page.kotaLocked
            ? "<div class=\"notice\" role=\"status\"><p><strong>Berita acara Musrenbang kota sudah ditandatangani.</strong> Hasilnya hanya dapat diubah dengan koreksi Bappeda dari halaman usulan.</p></div>"
            : .empty
        return """
            \(FormViews.errorSummary(page.bulk.errors))
            <h1>Penetapan hasil Musrenbang</h1>
            <p class="lead">Daftar akhir semua usulan yang didanai di tingkat kelurahan, kecamatan dan perangkat daerah pada \(page.cycle.name): tetapkan masuk RKPD, atau tidak ditetapkan dengan alasannya. Hasil yang sudah dikunci dikoreksi dari halaman usulannya.</p>
            \(StageNotice.render(.kota, cycle: page.cycle, now: page.now))
            \(locked)
            <p><a href="\(RatificationPaths.print)">Cetak daftar hasil penetapan (A4, Tabel T-D.4)</a></p>
            <nav aria-label="Saring menurut keadaan"><ul class="tabs">\(tabs)</ul></nav>
            \(filters(page))
            \(totals(page))
            \(offersBulk ? bulkForm(page) : table(page, bulk: false))
            \(pagination(page))
            """
    }

    static func back(_ page: Page) -> String {
        RatificationPaths.list + page.filter.queryString(page: page.result.page)
    }

    private static func filters(_ page: Page) -> HTML {
        let filter = page.filter
        let levels = [Level.kelurahan, .kecamatan, .opd].map { SelectOption(value: $0.rawValue, text: levelName($0)) }
        let clear: HTML = filter.narrows ? "<a href=\"\(RatificationPaths.list)?status=\(filter.tab.rawValue)\">Hapus saringan</a>" : .empty
        return """
            <details class="filters"\(filter.narrows ? " open" : "")>
            <summary>Saring</summary>
            <form method="get" action="\(RatificationPaths.list)" class="filters">
            <input type="hidden" name="status" value="\(filter.tab.rawValue)">
            \(FormViews.select("tingkat", label: "Didanai di tingkat", placeholder: "Semua tingkat", groups: [SelectGroup(label: nil, options: levels)],
                               selected: filter.level?.rawValue, error: nil, hint: "Menyaring daftar yang menunggu penetapan."))
            \(FormViews.select("kecamatan", label: "Kecamatan", placeholder: "Semua kecamatan", groups: [SelectGroup(label: nil, options: page.kecamatan)],
                               selected: filter.kecamatan.map(String.init), error: nil))
            \(FormViews.select("opd", label: "Perangkat daerah (kamus usulan)", placeholder: "Semua perangkat daerah",
                               groups: [SelectGroup(label: nil, options: page.opds)], selected: filter.opd.map(String.init), error: nil))
            <p class="actions"><button type="submit" class="button secondary">Terapkan</button> \(clear)</p>
            </form>
            </details>
            """
    }

    static func levelName(_ level: Level) -> String {
        switch level {
        case .kelurahan: "Kelurahan"
        case .kecamatan: "Kecamatan"
        case .opd: "Perangkat daerah"
        case .kota: "Kota"
        }
    }

    /// Per funding level and tab: how many and their cost in force, then the sum.
    private static func totals(_ page: Page) -> HTML {
        func cells(_ level: Level?) -> HTML {
            RatificationFilter.Tab.allCases.map { tab -> HTML in
                let cell = page.totals.cell(tab, level)
                return "<td class=\"num\">\(cell.count) usulan<br>\(Rupiah.format(cell.cost))</td>"
            }.reduce(HTML.empty, +)
        }
        let rows = [Level.kelurahan, .kecamatan, .opd].map { level -> HTML in "<tr><th scope=\"row\">\(levelName(level))</th>\(cells(level))</tr>" }
        let headers = RatificationFilter.Tab.allCases.map { tab -> HTML in "<th scope=\"col\" class=\"num\">\(tab.label)</th>" }
        return """
            <table class="totals">
            <caption>Jumlah per tingkat pendanaan\(page.filter.kecamatan != nil || page.filter.opd != nil ? " (sesuai saringan)" : "")</caption>
            <thead><tr><th scope="col">Tingkat</th>\(headers)</tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th>\(cells(nil))</tr></tfoot>
            </table>
            """
    }

    private static func bulkForm(_ page: Page) -> HTML {
        let form = page.bulk
        let decisionError: HTML = form.error("keputusan-bersama").map { "<p class=\"field-error\">\($0)</p>" } ?? .empty
        let radios = RatificationDecision.allCases.map { decision -> HTML in
            let checked: HTML = form.decision == decision ? " checked" : .empty
            return """
                <div class="choice"><input type="radio" id="bersama-\(decision.rawValue)" name="keputusan" value="\(decision.rawValue)"\(checked)>
                <label for="bersama-\(decision.rawValue)">\(decision.label)</label></div>
                """
        }
        return """
            <form method="post" action="\(RatificationPaths.list)" class="bulk-form" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="kembali" value="\(back(page))">
            \(FormViews.pickGroup(error: form.error("pilih-semua"), table(page, bulk: true)))
            <section class="decide" aria-labelledby="sekaligus">
            <h2 id="sekaligus">Putuskan sekaligus</h2>
            <p>Bila rapat memutuskannya bersama: centang usulan di daftar, lalu pilih satu keputusan. Usulan yang sudah berubah sejak daftar ini dimuat tidak diubah.</p>
            <fieldset id="keputusan-bersama" class="\(form.error("keputusan-bersama") == nil ? "" : "has-error")">
            <legend>Keputusan untuk usulan yang dicentang</legend>
            \(decisionError)
            \(radios)
            </fieldset>
            \(FormViews.textArea("alasan-bersama", label: "Alasan", value: form.reason,
                                 hint: "Wajib untuk tidak ditetapkan. Alasan yang sama dicatat pada setiap usulan yang dicentang dan dibaca pengusulnya.",
                                 error: form.error("alasan-bersama"), rows: 3, required: false))
            <button type="submit" class="button">Terapkan pada yang dicentang</button>
            </section>
            </form>
            """
    }

    private static func table(_ page: Page, bulk: Bool) -> HTML {
        guard !page.result.rows.isEmpty else { return "<p class=\"empty\">Tidak ada usulan dalam daftar ini.</p>" }
        let backPath = back(page)
        let items = page.result.rows.map { row -> HTML in
            let code = row.trackingCode.description
            let tick: HTML = bulk ? FormViews.pickCell(code: code, version: row.version, checked: page.bulk.isPicked(row.trackingCode)) : .empty
            let routed: HTML = row.routedOPDName.map { "<br><span class=\"muted\">ke \($0)</span>" } ?? .empty
            return """
                <tr>\(tick)
                <td><a href="\(RatificationPaths.proposal(row.trackingCode))?kembali=\(Portal.queryEncode(backPath))"><span class="code">\(code)</span><br>\(row.title)</a></td>
                <td>\(row.kamusName)<br><span class="muted">\(row.bidangName)</span></td>
                <td>\(row.kelurahanName)<br><span class="muted">\(row.kecamatanName)</span></td>
                <td class="num">\(Rupiah.format(row.effectiveCost))</td>
                <td>\(StateWords.badge(row.state))\(routed)</td>
                </tr>
                """
        }
        let pickHeader: HTML = bulk ? "<th scope=\"col\"><span class=\"visually-hidden\">Pilih</span></th>" : .empty
        return """
            <table class="stack worklist">
            <caption>\(page.filter.tab.label): \(page.result.total) usulan · \(page.cycle.name)</caption>
            <thead><tr>\(pickHeader)<th scope="col">Usulan</th><th scope="col">Kegiatan</th><th scope="col">Wilayah</th><th scope="col" class="num">Biaya</th><th scope="col">Keadaan</th></tr></thead>
            <tbody>\(items)</tbody>
            </table>
            """
    }

    private static func pagination(_ page: Page) -> HTML {
        PaginationView.render(page: page.result.page, of: page.result.pageCount) {
            RatificationPaths.list + page.filter.queryString(page: $0)
        }
    }
}
