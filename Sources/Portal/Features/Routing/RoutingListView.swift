import Foundation
import Musrenbang

/// The kecamatan's F2 waiting to be routed, after its berita acara: counts of what waits and what went where, the list
/// (100 a page) with the kamus item's OPD of each, and while the kecamatan stage is open a checkbox per row with one
/// target and one note for every ticked proposal. Before the berita acara it says so and lists nothing.
enum RoutingListView {
    struct Page {
        let kecamatanName: String
        let cycle: Cycle
        let locked: Bool
        let result: ProposalPage
        let counts: [ProposalState: Int]
        let kamusOPD: [ProposalID: OPDID]
        let opds: [OPD]
        /// The kelurahan of the kecamatan, for the filter, and the one chosen (`?kelurahan=`).
        let kelurahan: [SelectOption]
        let kelurahanFilter: Int64?
        let bulk: RoutingBulkForm
        let csrfToken: String
        let now: Date
    }

    static func render(_ page: Page) -> HTML {
        let intro: HTML = """
            \(FormViews.errorSummary(page.bulk.errors))
            <h1>Penerusan usulan F2</h1>
            <p class="lead">Setelah berita acara Musrenbang Kecamatan \(page.kecamatanName), setiap usulan F2 (tidak masuk pagu kecamatan) diteruskan ke perangkat daerah (yang diusulkan: perangkat daerah kamus usulannya), dialihkan ke Pokir DPRD, atau ditolak dengan alasannya.</p>
            """
        guard page.locked else {
            return intro + """
                <div class="notice" role="status"><p><strong>Berita acara Musrenbang kecamatan belum ditandatangani.</strong> Daftar F2 baru ada setelah berita acara menetapkan hasil alokasi kecamatan.</p>
                <p>Selesaikan verifikasi, penilaian dan alokasi, lalu tanda tangani berita acaranya.</p></div>
                """
        }
        let opdStates = ProposalState.all.filter { $0.stage == .opd }
        let routed = opdStates.reduce(0) { $0 + (page.counts[$1] ?? 0) }
        let summary: HTML = """
            <ul class="tabs"><li>Menunggu diteruskan <span class="count">\(page.counts[KecamatanDesk.waiting] ?? 0)</span></li>
            <li>Di perangkat daerah <span class="count">\(routed)</span></li>
            <li>Pokir DPRD <span class="count">\(page.counts[ProposalState(.kecamatan, .pokir)] ?? 0)</span></li></ul>
            """
        let offersBulk = page.cycle.isOpen(.kecamatan, at: page.now) && !page.result.rows.isEmpty
        return intro + """
            \(StageNotice.render(.kecamatan, cycle: page.cycle, now: page.now))
            \(summary)
            \(filter(page))
            \(offersBulk ? bulkForm(page) : table(page, bulk: false))
            \(pagination(page))
            """
    }

    static func back(_ page: Page) -> String { address(page, pageNumber: page.result.page) }

    /// The list's address with the kelurahan filter and `pageNumber`.
    static func address(_ page: Page, pageNumber: Int) -> String {
        let parts = [page.kelurahanFilter.map { "kelurahan=\($0)" }, pageNumber > 1 ? "halaman=\(pageNumber)" : nil].compactMap { $0 }
        return RoutingPaths.list + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }

    /// One kelurahan's F2 only (a GET form: the address is shareable).
    private static func filter(_ page: Page) -> HTML {
        let clear: HTML = page.kelurahanFilter == nil ? .empty : "<a href=\"\(RoutingPaths.list)\">Hapus saringan</a>"
        return """
            <form method="get" action="\(RoutingPaths.list)" class="filters">
            \(FormViews.select("kelurahan", label: "Kelurahan asal", placeholder: "Semua kelurahan", groups: [SelectGroup(label: nil, options: page.kelurahan)],
                               selected: page.kelurahanFilter.map(String.init), error: nil))
            <p class="actions"><button type="submit" class="button secondary">Saring</button> \(clear)</p>
            </form>
            """
    }

    private static func bulkForm(_ page: Page) -> HTML {
        let form = page.bulk
        return """
            <form method="post" action="\(RoutingPaths.list)" class="bulk-form" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="kembali" value="\(back(page))">
            \(FormViews.pickGroup(error: form.error("pilih-semua"), table(page, bulk: true)))
            <section class="decide" aria-labelledby="sekaligus">
            <h2 id="sekaligus">Teruskan sekaligus</h2>
            <p>Centang usulan di daftar, lalu pilih satu tujuan untuk semuanya. Usulan yang sudah berubah sejak daftar ini dimuat tidak diubah.</p>
            \(FormViews.select("tujuan", label: "Tujuan", placeholder: "(pilih tujuan)", groups: RouteTarget.options(opds: page.opds, includeKamus: true),
                               selected: form.target?.value, error: form.error("tujuan-bersama")))
            \(FormViews.textArea("catatan-bersama", label: "Catatan", value: form.note,
                                 hint: "Wajib untuk tolak. Catatan yang sama dicatat pada riwayat setiap usulan yang dicentang dan dibaca pengusulnya.",
                                 error: form.error("catatan-bersama"), rows: 3, required: false))
            <button type="submit" class="button">Terapkan pada yang dicentang</button>
            </section>
            </form>
            """
    }

    private static func table(_ page: Page, bulk: Bool) -> HTML {
        guard !page.result.rows.isEmpty else { return "<p class=\"empty\">Tidak ada usulan F2 yang menunggu diteruskan.</p>" }
        let items = page.result.rows.map { row -> HTML in
            let code = row.trackingCode.description
            let tick: HTML = bulk ? FormViews.pickCell(code: code, version: row.version, checked: page.bulk.isPicked(row.trackingCode)) : .empty
            let opd = page.kamusOPD[row.id].flatMap { id in page.opds.first { $0.id == id }?.shortName } ?? "–"
            return """
                <tr>\(tick)
                <td><a href="\(RoutingPaths.proposal(row.trackingCode))"><span class="code">\(code)</span><br>\(row.title)</a></td>
                <td>\(row.kamusName)<br><span class="muted">\(row.bidangName) · \(row.isFisik ? "fisik" : "non-fisik")</span></td>
                <td>\(row.kelurahanName)</td>
                <td class="num">\(Rupiah.format(row.effectiveCost))</td>
                <td>\(opd)</td>
                </tr>
                """
        }
        let pickHeader: HTML = bulk ? "<th scope=\"col\"><span class=\"visually-hidden\">Pilih</span></th>" : .empty
        return """
            <table class="stack worklist">
            <caption>Usulan F2 menunggu diteruskan: \(page.result.total) usulan · \(page.cycle.name)</caption>
            <thead><tr>\(pickHeader)<th scope="col">Usulan</th><th scope="col">Kegiatan</th><th scope="col">Kelurahan</th><th scope="col" class="num">Biaya</th><th scope="col">Perangkat daerah kamus</th></tr></thead>
            <tbody>\(items)</tbody>
            </table>
            """
    }

    private static func pagination(_ page: Page) -> HTML {
        PaginationView.render(page: page.result.page, of: page.result.pageCount) { address(page, pageNumber: $0) }
    }
}
