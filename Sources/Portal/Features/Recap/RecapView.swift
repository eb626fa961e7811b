import Foundation
import Musrenbang

/// The recap page (public `/rekap`, Bappeda's `/kerja/rekap`, and their printable `/cetak`): the filters, the headline
/// figures, the funnel, the decisions with the most frequent reasons, F1 against F2, the ceilings' use, and the counts
/// by kecamatan (beside last cycle's unfunded proposals), kelurahan, bidang, OPD and state. Every chart has its table.
enum RecapView {
    struct Page {
        let cycle: Cycle
        /// The cycles of the same city, newest first (the cycle filter).
        let cycles: [Cycle]
        let kecamatan: [Kecamatan]
        let query: RecapQuery
        /// Nil while the viewer may not see it (not published yet).
        let recap: CycleRecap?
        /// Bappeda's page (`/kerja/rekap`).
        let staff: Bool
        let printing: Bool
        let now: Date

        var pagePath: String { staff ? RecapPaths.staff : RecapPaths.page }
        var printPath: String { staff ? RecapPaths.staffPrint : RecapPaths.print }
        /// This view's filters with the cycle always named, for its links (a printed page says which cycle it is).
        var shared: RecapQuery { RecapQuery(cycleId: cycle.id, kecamatanId: query.kecamatanId) }
        /// This view (page or printout) narrowed to a kecamatan, at one of its sections.
        func kecamatanPath(_ id: KecamatanID, section: String) -> String {
            (printing ? printPath : pagePath) + RecapQuery(cycleId: cycle.id, kecamatanId: id).queryString + "#" + section
        }
    }

    static let noCycle: HTML = "<h1>Rekap Musrenbang</h1><p class=\"lead\">Belum ada siklus perencanaan.</p>"

    static func render(_ page: Page) -> HTML {
        guard let recap = page.recap else { return header(page, place: place(page)) + notPublished(page) }
        let sections: [HTML] = [
            headline(recap),
            RecapCharts.funnel(recap),
            decisions(recap),
            levels(recap),
            RecapCharts.ceilings(recap),
            recap.kecamatan == nil ? kecamatanTable(recap) : previousLines(recap),
            recap.kecamatan == nil
                ? kelurahanByKecamatan(page, recap)
                : rowsTable(id: "rekap-kelurahan", title: "Per kelurahan", first: "Kelurahan", rows: recap.byKelurahan, total: recap.totals),
            RecapCharts.bidang(recap),
            rowsTable(id: "rekap-opd", title: "Per perangkat daerah", first: "Perangkat daerah",
                      rows: recap.byOPD, total: recap.totals,
                      lead: "Perangkat daerah penanggung jawab kegiatan menurut kamus usulan."),
            statusTable(recap),
        ]
        return header(page, place: place(page)) + notice(page, recap) + HTML.join(sections)
    }

    private static func place(_ page: Page) -> String {
        page.recap?.kecamatan.map { "Kecamatan \($0.name)" }
            ?? page.query.kecamatanId.flatMap { id in page.kecamatan.first { $0.id == id }.map { "Kecamatan \($0.name)" } }
            ?? "Seluruh kota"
    }

    // MARK: Frame

    private static func header(_ page: Page, place: String) -> HTML {
        let title: HTML = "<h1>Rekap \(page.cycle.name)<br><span class=\"subtitle\">\(place)</span></h1>"
        if page.printing {
            return """
                <p class="no-print back"><a href="\(page.pagePath)\(page.shared.queryString)">Kembali ke rekap</a> · Cetak halaman ini dengan menu Cetak peramban (Ctrl+P), kertas A4.</p>
                <div class="document recap-print">
                \(title)
                <p>Rencana Kerja Pemerintah Daerah (RKPD) tahun \(page.cycle.budgetYear). Keadaan pada \(WIBTime.format(page.now)).</p>
                </div>
                """
        }
        let cycleOptions = page.cycles.map { SelectOption(value: String($0.id.rawValue), text: $0.name) }
        let kecamatanOptions = page.kecamatan.map { SelectOption(value: String($0.id.rawValue), text: $0.name) }
        let staffLink: HTML = page.staff
            ? "<p>Halaman kerja Bappeda: termasuk hasil yang belum diumumkan. Rekap untuk umum: <a href=\"\(RecapPaths.page)\(page.shared.queryString)\">\(RecapPaths.page)</a>.</p>"
            : .empty
        return """
            \(title)
            <p class="lead">Jumlah dan nilai usulan \(page.cycle.name) untuk RKPD \(page.cycle.budgetYear), menurut wilayah, bidang, perangkat daerah dan keadaannya; pemakaian pagu; dan usulan tak terdanai tahun lalu. Keadaan pada \(WIBTime.format(page.now)).</p>
            \(staffLink)
            <form method="get" action="\(page.pagePath)" class="filters recap-filters">
            \(FormViews.select("siklus", label: "Siklus", placeholder: "Siklus berjalan", groups: [SelectGroup(label: nil, options: cycleOptions)],
                               selected: String(page.cycle.id.rawValue), error: nil))
            \(FormViews.select("kecamatan", label: "Kecamatan", placeholder: "Seluruh kota", groups: [SelectGroup(label: nil, options: kecamatanOptions)],
                               selected: page.query.kecamatanId.map { String($0.rawValue) }, error: nil))
            <p class="actions"><button type="submit" class="button secondary">Tampilkan</button></p>
            </form>
            <p class="no-print"><a href="\(page.printPath)\(page.shared.queryString)">Cetak rekap</a> (versi cetak A4 untuk rapat)</p>
            """
    }

    private static func notPublished(_ page: Page) -> HTML {
        let opens = page.cycle.windows[.kecamatan].map { " pada \(WIBTime.format($0.opensAt))" } ?? ""
        let earlier = page.cycles.first { $0.budgetYear < page.cycle.budgetYear && Visibility.kelurahanResultsArePublic(cycle: $0, at: page.now) }
        let link: HTML = earlier.map { "<p>Lihat <a href=\"\(page.pagePath)?siklus=\($0.id.rawValue)\">rekap \($0.name)</a>.</p>" } ?? .empty
        return """
            <div class="notice" role="status">
            <h2>Rekap belum diumumkan</h2>
            <p>Hasil \(page.cycle.name) diumumkan saat Musrenbang kecamatan dibuka\(opens). Sebelum itu usulan masih dibahas di RT/RW dan kelurahan.</p>
            </div>
            \(link)
            """
    }

    private static func notice(_ page: Page, _ recap: CycleRecap) -> HTML {
        guard !recap.isPublic else { return .empty }
        let opens = recap.cycle.windows[.kecamatan].map { WIBTime.format($0.opensAt) } ?? "Musrenbang kecamatan dibuka"
        return """
            <div class="notice not-public" role="note">
            <p><strong>Belum diumumkan.</strong> Rekap ini memuat hasil yang belum terbuka untuk umum dan hanya terlihat oleh Bappeda; \
            umum melihatnya mulai \(opens).</p>
            </div>
            """
    }

    // MARK: Sections

    private static func headline(_ recap: CycleRecap) -> HTML {
        let total = recap.totals
        return """
            <section aria-labelledby="ringkas">
            <h2 id="ringkas">Ringkasan</h2>
            <dl class="facts headline">
            <dt>Usulan</dt><dd>\(count(total.count)) usulan</dd>
            <dt>Nilai diusulkan</dt><dd>\(Rupiah.format(total.originalCost))</dd>
            <dt>Nilai berlaku (setelah perubahan verifikator)</dt><dd>\(Rupiah.format(total.effectiveCost))</dd>
            <dt>Didanai</dt><dd>\(count(total.fundedCount)) usulan (\(Percent.text(total.fundedCount, of: total.count)))</dd>
            <dt>Nilai didanai</dt><dd>\(Rupiah.format(total.fundedCost))</dd>
            </dl>
            </section>
            """
    }

    private static func decisions(_ recap: CycleRecap) -> HTML {
        let split = recap.decisions
        let all = split.accepted.count + split.rejected.count + split.undecided.count
        func row(_ label: HTML, _ tally: RecapTally) -> HTML {
            "<tr><th scope=\"row\">\(label)</th><td class=\"num\">\(count(tally.count))</td><td class=\"num\">\(Percent.text(tally.count, of: all))</td><td class=\"num\">\(Rupiah.format(tally.effectiveCost))</td></tr>"
        }
        let byStage = [(Stage.kelurahan, "Ditolak Musrenbang kelurahan"), (.kecamatan, "Ditolak Musrenbang kecamatan"),
                       (.opd, "Ditolak perangkat daerah"), (.kota, "Tidak ditetapkan Musrenbang kota")].map { stage, label in
            row("<span class=\"indent\">\(label)</span>" as HTML, split.rejectedByStage[stage] ?? RecapTally())
        }
        let reasons = recap.rejectionReasons.isEmpty
            ? "<p>Belum ada usulan yang ditolak.</p>" as HTML
            : """
                <table class="reasons">
                <caption>Alasan penolakan yang paling sering</caption>
                <thead><tr><th scope="col">Alasan</th><th scope="col" class="num">Keputusan</th></tr></thead>
                <tbody>\(recap.rejectionReasons.map { "<tr><td>\($0.reason)</td><td class=\"num\">\(count($0.count))</td></tr>" as HTML })</tbody>
                </table>
                <p class="muted">Dihitung dari setiap keputusan tolak (dan tidak ditetapkan) dengan alasan yang sama persis.</p>
                """
        return """
            <section aria-labelledby="keputusan">
            <h2 id="keputusan">Diterima dan ditolak</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Usulan diterima dan ditolak">
            <table>
            <caption>Keputusan verifikasi atas usulan</caption>
            <thead><tr><th scope="col">Keputusan</th><th scope="col" class="num">Usulan</th><th scope="col" class="num">Bagian</th><th scope="col" class="num">Nilai berlaku</th></tr></thead>
            <tbody>
            \(row("Diterima (lolos verifikasi)", split.accepted))
            \(row("Ditolak", split.rejected))
            \(byStage)
            \(row("Belum diputuskan atau dikembalikan", split.undecided))
            </tbody>
            </table>
            </div>
            \(reasons)
            </section>
            """
    }

    private static func levels(_ recap: CycleRecap) -> HTML {
        let rows = recap.levels.map { split -> HTML in
            """
            <tr><th scope="row">\(levelName(split.level))</th><td class="num">\(count(split.f1.count))</td><td class="num">\(Rupiah.format(split.f1.effectiveCost))</td>\
            <td class="num">\(count(split.f2.count))</td><td class="num">\(Rupiah.format(split.f2.effectiveCost))</td></tr>
            """
        }
        return """
            <section aria-labelledby="f1f2">
            <h2 id="f1f2">F1 dan F2 per tingkat</h2>
            <p>F1: usulan yang didanai pagu tingkat itu sendiri. F2: usulan yang tidak masuk pagu tingkat itu dan diteruskan ke tingkat berikutnya (dari kecamatan ke perangkat daerah atau Pokir DPRD), di mana pun usulan itu sekarang.</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="F1 dan F2 per tingkat">
            <table>
            <caption>F1 dan F2 menurut tingkat musyawarah</caption>
            <thead><tr><th scope="col">Tingkat</th><th scope="col" class="num">F1 (usulan)</th><th scope="col" class="num">Nilai F1</th><th scope="col" class="num">F2 (usulan)</th><th scope="col" class="num">Nilai F2</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            </div>
            </section>
            """
    }

    /// The kecamatan of the city with this cycle's figures and, beside them, last cycle's unfunded proposals there.
    private static func kecamatanTable(_ recap: CycleRecap) -> HTML {
        var previous: [String: UnfundedTally] = [:]
        for tally in recap.previousUnfunded { previous[String(tally.kecamatanId.rawValue)] = tally }
        var names: [String: String] = [:]
        for row in recap.byKecamatan { names[row.key] = row.name }
        for tally in recap.previousUnfunded { names[String(tally.kecamatanId.rawValue)] = tally.kecamatanName }
        let current = Dictionary(uniqueKeysWithValues: recap.byKecamatan.map { ($0.key, $0) })
        let keys = names.keys.sorted { (names[$0]!, $0) < (names[$1]!, $1) }
        let groups: HTML = recap.previousCycle.map { previous in
            "<tr><td></td><th scope=\"colgroup\" colspan=\"4\">\(recap.cycle.name)</th><th scope=\"colgroup\" colspan=\"3\">Tak terdanai \(previous.name)</th></tr>"
        } ?? .empty
        let header: HTML = recap.previousCycle == nil ? .empty
            : "<th scope=\"col\" class=\"num\">Usulan</th><th scope=\"col\" class=\"num\">Nilai berlaku</th><th scope=\"col\" class=\"num\">Dibawa ke siklus ini</th>"
        let rows = keys.map { key -> HTML in
            let row = current[key]
            let last: HTML = recap.previousCycle == nil ? .empty : {
                let tally = previous[key]
                return "<td class=\"num\">\(count(tally?.tally.count ?? 0))</td><td class=\"num\">\(Rupiah.format(tally?.tally.effectiveCost ?? 0))</td><td class=\"num\">\(count(tally?.carried ?? 0))</td>"
            }()
            return """
                <tr><th scope="row">\(names[key] ?? key)</th><td class="num">\(count(row?.count ?? 0))</td><td class="num">\(Rupiah.format(row?.effectiveCost ?? 0))</td>\
                <td class="num">\(count(row?.fundedCount ?? 0))</td><td class="num">\(Rupiah.format(row?.fundedCost ?? 0))</td>\(last)</tr>
                """
        }
        let total = recap.totals
        let previousTotal: HTML = recap.previousCycle == nil ? .empty : {
            let n = recap.previousUnfunded.reduce(0) { $0 + $1.tally.count }, cost = recap.previousUnfunded.reduce(Int64(0)) { $0 + $1.tally.effectiveCost }
            let carried = recap.previousUnfunded.reduce(0) { $0 + $1.carried }
            return "<td class=\"num\">\(count(n))</td><td class=\"num\">\(Rupiah.format(cost))</td><td class=\"num\">\(count(carried))</td>"
        }()
        let explanation: HTML = recap.previousCycle.map {
            "<p>Di samping angka siklus ini: usulan \($0.name) yang tidak terdanai (ditolak, tidak masuk pagu, tidak ditetapkan) dan berapa yang sudah dibawa pengusulnya ke siklus ini. Pilih satu kecamatan untuk melihat daftarnya.</p>"
        } ?? "<p>Belum ada siklus sebelumnya untuk dibandingkan.</p>"
        return """
            <section aria-labelledby="rekap-kecamatan">
            <h2 id="rekap-kecamatan">Per kecamatan</h2>
            \(explanation)
            <div class="table-scroll" tabindex="0" role="region" aria-label="Rekap per kecamatan">
            <table class="recap">
            <caption>Usulan per kecamatan</caption>
            <thead>\(groups)<tr><th scope="col">Kecamatan</th><th scope="col" class="num">Usulan</th><th scope="col" class="num">Nilai berlaku</th><th scope="col" class="num">Didanai</th><th scope="col" class="num">Nilai didanai</th>\(header)</tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th><td class="num">\(count(total.count))</td><td class="num">\(Rupiah.format(total.effectiveCost))</td><td class="num">\(count(total.fundedCount))</td><td class="num">\(Rupiah.format(total.fundedCost))</td>\(previousTotal)</tr></tfoot>
            </table>
            </div>
            </section>
            """
    }

    /// Narrowed to a kecamatan: this cycle's figures there, and last cycle's unfunded proposals there one by one.
    private static func previousLines(_ recap: CycleRecap) -> HTML {
        guard let kecamatan = recap.kecamatan else { return .empty }
        let thisCycle = recap.totals
        guard let previous = recap.previousCycle else {
            return """
                <section aria-labelledby="rekap-kecamatan">
                <h2 id="rekap-kecamatan">Kecamatan \(kecamatan.name) dan tahun lalu</h2>
                <p>\(count(thisCycle.count)) usulan siklus ini senilai \(Rupiah.format(thisCycle.effectiveCost)). Belum ada siklus sebelumnya untuk dibandingkan.</p>
                </section>
                """
        }
        let tally = recap.previousUnfunded.first
        let shown = recap.previousUnfundedLines.count
        let rows = recap.previousUnfundedLines.map { line -> HTML in
            let carried: HTML = line.carriedInto.map { code in
                recap.isPublic ? "<a href=\"/usulan/\(code.description)\" class=\"code\">\(code.description)</a>" : "<span class=\"code\">\(code.description)</span>"
            } ?? "Belum"
            return """
                <tr><td><a href="/usulan/\(line.code.description)" class="code">\(line.code.description)</a><br>\(line.title)</td><td>\(line.kelurahanName)</td>\
                <td>\(StateWords.text(line.state))</td><td class="num">\(Rupiah.format(line.effectiveCost))</td><td>\(carried)</td></tr>
                """
        }
        let more: HTML = (tally?.tally.count ?? 0) > shown ? """
            <p>Menampilkan \(count(shown)) dari \(count(tally?.tally.count ?? 0)) usulan. Semuanya ada di \
            <a href="/usulan?siklus=\(previous.id.rawValue)&amp;kecamatan=\(kecamatan.id.rawValue)&amp;didanai=tidak">daftar usulan \(previous.name) \
            Kecamatan \(kecamatan.name) yang tidak didanai</a>.</p>
            """ : .empty
        let list: HTML = rows.isEmpty ? "<p>Tidak ada usulan tak terdanai di kecamatan ini pada \(previous.name).</p>" : """
            <div class="table-scroll" tabindex="0" role="region" aria-label="Usulan tak terdanai \(previous.name)">
            <table class="recap">
            <caption>Usulan tak terdanai \(previous.name), Kecamatan \(kecamatan.name)</caption>
            <thead><tr><th scope="col">Usulan</th><th scope="col">Kelurahan</th><th scope="col">Akhir</th><th scope="col" class="num">Nilai berlaku</th><th scope="col">Dibawa ke siklus ini</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            </div>
            \(more)
            """
        return """
            <section aria-labelledby="rekap-kecamatan">
            <h2 id="rekap-kecamatan">Kecamatan \(kecamatan.name) dan tahun lalu</h2>
            <dl class="facts">
            <dt>\(recap.cycle.name)</dt><dd>\(count(thisCycle.count)) usulan senilai \(Rupiah.format(thisCycle.effectiveCost)); didanai \(count(thisCycle.fundedCount)) senilai \(Rupiah.format(thisCycle.fundedCost))</dd>
            <dt>Tak terdanai \(previous.name)</dt><dd>\(count(tally?.tally.count ?? 0)) usulan senilai \(Rupiah.format(tally?.tally.effectiveCost ?? 0)); \(count(tally?.carried ?? 0)) dibawa ke siklus ini</dd>
            </dl>
            \(list)
            </section>
            """
    }

    /// The whole city's page leaves each kelurahan's row to its kecamatan's recap, linked here: a city of 150 kelurahan
    /// would otherwise pass the page budget of 100 KB (`docs/portal.md`) with two tables of a row per kelurahan.
    private static func kelurahanByKecamatan(_ page: Page, _ recap: CycleRecap) -> HTML {
        var members: [KecamatanID: Int] = [:]
        for kecamatanId in recap.kecamatanOfKelurahan.values { members[kecamatanId, default: 0] += 1 }
        let items = page.kecamatan.map { kecamatan -> HTML in
            let link = page.kecamatanPath(kecamatan.id, section: "rekap-kelurahan")
            return "<li><a href=\"\(link)\">Kecamatan \(kecamatan.name)</a> (\(count(members[kecamatan.id] ?? 0)) kelurahan)</li>"
        }
        return """
            <section aria-labelledby="rekap-kelurahan">
            <h2 id="rekap-kelurahan">Per kelurahan</h2>
            <p>Angka setiap kelurahan (usulan, nilai, yang didanai, pagu dan pemakaiannya) ada pada rekap kecamatannya. Pilih kecamatan:</p>
            <ul class="area-links">\(items)</ul>
            </section>
            """
    }

    /// Groups of one dimension: count, proposed and in-force value, funded count and value, with the sum.
    static func rowsTable(id: String, title: String, first: String, rows: [RecapRow], total: RecapRow, lead: String? = nil) -> HTML {
        let body = rows.map { row -> HTML in
            """
            <tr><th scope="row">\(row.name)</th><td class="num">\(count(row.count))</td><td class="num">\(Rupiah.format(row.originalCost))</td>\
            <td class="num">\(Rupiah.format(row.effectiveCost))</td><td class="num">\(count(row.fundedCount))</td><td class="num">\(Rupiah.format(row.fundedCost))</td></tr>
            """
        }
        return """
            <section aria-labelledby="\(id)">
            <h2 id="\(id)">\(title)</h2>
            \(lead.map { "<p>\($0)</p>" as HTML } ?? .empty)
            <div class="table-scroll" tabindex="0" role="region" aria-label="\(title)">
            <table class="recap">
            <caption>Usulan \(title.lowercased())</caption>
            <thead><tr><th scope="col">\(first)</th><th scope="col" class="num">Usulan</th><th scope="col" class="num">Nilai diusulkan</th><th scope="col" class="num">Nilai berlaku</th><th scope="col" class="num">Didanai</th><th scope="col" class="num">Nilai didanai</th></tr></thead>
            <tbody>\(body)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th><td class="num">\(count(total.count))</td><td class="num">\(Rupiah.format(total.originalCost))</td><td class="num">\(Rupiah.format(total.effectiveCost))</td><td class="num">\(count(total.fundedCount))</td><td class="num">\(Rupiah.format(total.fundedCost))</td></tr></tfoot>
            </table>
            </div>
            </section>
            """
    }

    /// Per state, in words, in the order of the pipeline.
    private static func statusTable(_ recap: CycleRecap) -> HTML {
        let byKey = Dictionary(uniqueKeysWithValues: recap.byStatus.map { ($0.key, $0) })
        let rows = ProposalState.all.compactMap { state -> RecapRow? in
            guard var row = byKey[state.description] else { return nil }
            row.name = StateWords.text(state)
            return row
        }
        return rowsTable(id: "rekap-keadaan", title: "Per keadaan usulan", first: "Keadaan", rows: rows, total: recap.totals,
                         lead: "Keadaan setiap usulan sekarang, menurut urutan tahapan.")
    }

    // MARK: Words and numbers

    static func count(_ value: Int) -> String { Rupiah.groupDigits(UInt64(max(0, value))) }

    static func levelName(_ level: Level) -> String {
        switch level {
        case .kelurahan: "Musrenbang kelurahan"
        case .kecamatan: "Musrenbang kecamatan"
        case .opd: "Forum perangkat daerah"
        case .kota: "Musrenbang kota"
        }
    }
}
