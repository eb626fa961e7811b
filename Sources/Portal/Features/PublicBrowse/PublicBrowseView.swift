import Foundation
import Musrenbang

/// The public list of published proposals (`/usulan`): a search box, the filters and the order (one GET form, so
/// every view is an address to share and nothing needs script), the number found, one entry per proposal linking to
/// its page, and the pages. Built from `ProposalSummary` rows, which hold no account and no personal data.
enum PublicBrowseView {
    struct Page {
        let cycle: Cycle
        let filter: PublicBrowseFilter
        let choices: PublicBrowseChoices
        let result: ProposalPage
        let now: Date
    }

    /// The content, drawn once per distinct page (`DrawingCache`).
    static func render(_ page: Page) -> HTML {
        let isPublic = Visibility.kelurahanResultsArePublic(cycle: page.cycle, at: page.now)
        let key = PublicListDrawing(cycle: page.cycle, filter: page.filter, choices: page.choices, result: page.result, isPublic: isPublic)
        return PublicListDrawing.kept.html(for: key) { draw(page, isPublic: isPublic) }
    }

    private static func draw(_ page: Page, isPublic: Bool) -> HTML {
        """
            <h1>Daftar usulan</h1>
            <p class="lead">Usulan \(page.cycle.name) yang sudah diumumkan, dari RT/RW sampai keputusan tiap tingkat. Cari menurut judul, permasalahan, atau lokasi, lalu saring menurut wilayah, bidang, perangkat daerah, atau keadaannya.</p>
            \(ignored(page.filter.ignored))
            \(form(page))
            \(isPublic ? results(page) : notYetPublic(page.cycle))
            """
    }

    /// The page when the city has no cycle at all.
    static let noCycle: HTML = """
        <h1>Daftar usulan</h1>
        <p>Belum ada siklus perencanaan yang dibuka, jadi belum ada usulan yang diumumkan.</p>
        """

    /// What of the address was left out, said kindly: the list shows what the rest asks for.
    private static func ignored(_ items: [String]) -> HTML {
        guard !items.isEmpty else { return .empty }
        let list = items.map { item -> HTML in "<li>\(item)</li>" }
        return """
            <div class="notice" role="status"><p><strong>Sebagian saringan pada alamat ini tidak dipakai:</strong></p>
            <ul>\(list)</ul>
            <p>Daftar di bawah memakai saringan lainnya. Pilih ulang saringan dari formulir bila perlu.</p></div>
            """
    }

    private static func notYetPublic(_ cycle: Cycle) -> HTML {
        let opens = cycle.windows[.kecamatan].map { "sejak Musrenbang kecamatan dibuka, \(WIBTime.format($0.opensAt))" }
            ?? "sejak Musrenbang kecamatan dibuka"
        return """
            <div class="notice" role="status"><p><strong>Usulan \(cycle.name) belum diumumkan.</strong> Usulan tampil di sini \(opens).</p>
            <p>Yang mengusulkan dapat mengikuti usulannya sendiri di <a href="/usulan/saya">Usulan saya</a>.</p></div>
            """
    }

    /// One GET form: the search box always in view, the filters and the order folded on a phone until one is set.
    private static func form(_ page: Page) -> HTML {
        let filter = page.filter, choices = page.choices
        func options<T>(_ items: [T], _ value: (T) -> Int64, _ text: (T) -> String) -> [SelectGroup] {
            [SelectGroup(label: nil, options: items.map { SelectOption(value: String(value($0)), text: text($0)) })]
        }
        let cycles = choices.cycles.count > 1
            ? FormViews.select("siklus", label: "Siklus", placeholder: "Siklus yang sedang berjalan",
                               groups: options(choices.cycles, { $0.id.rawValue }, { $0.name }), selected: filter.cycle.map(String.init), error: nil)
            : .empty
        let kecamatan = FormViews.select("kecamatan", label: "Kecamatan", placeholder: "Semua kecamatan",
                                         groups: options(choices.kecamatan, { $0.id.rawValue }, { $0.name }),
                                         selected: filter.kecamatan.map(String.init), error: nil)
        // The kelurahan of the chosen kecamatan, or all of them under their kecamatan.
        let kelurahanGroups = choices.kecamatan.filter { filter.kecamatan == nil || $0.id.rawValue == filter.kecamatan }.map { kec in
            SelectGroup(label: "Kecamatan \(kec.name)", options: choices.kelurahanList.filter { $0.kecamatanId == kec.id }.map {
                SelectOption(value: String($0.id.rawValue), text: $0.name)
            })
        }
        let kelurahan = FormViews.select("kelurahan", label: "Kelurahan", placeholder: "Semua kelurahan", groups: kelurahanGroups,
                                         selected: filter.kelurahan.map(String.init), error: nil)
        let bidang = FormViews.select("bidang", label: "Bidang", placeholder: "Semua bidang",
                                      groups: options(choices.bidang, { $0.id.rawValue }, { $0.name }),
                                      selected: filter.bidang.map(String.init), error: nil)
        let opd = FormViews.select("opd", label: "Perangkat daerah", placeholder: "Semua perangkat daerah",
                                   groups: options(choices.opd, { $0.id.rawValue }, { "\($0.shortName) – \($0.name)" }),
                                   selected: filter.opd.map(String.init), error: nil)
        let stateGroups = Stage.allCases.map { stage in
            SelectGroup(label: stage.displayName, options: PublicBrowseFilter.offeredStates.filter { $0.stage == stage }.map {
                SelectOption(value: PublicBrowseFilter.stateValue($0), text: StateWords.text($0))
            })
        }
        let state = FormViews.select("status", label: "Keadaan usulan", placeholder: "Semua keadaan", groups: stateGroups,
                                     selected: filter.state.map(PublicBrowseFilter.stateValue), error: nil)
        let funded = FormViews.select("didanai", label: "Pendanaan", placeholder: "Didanai atau tidak",
                                      groups: [SelectGroup(label: nil, options: [SelectOption(value: "ya", text: "Hanya yang didanai"),
                                                                                 SelectOption(value: "tidak", text: "Hanya yang belum atau tidak didanai")])],
                                      selected: filter.funded.map { $0 ? "ya" : "tidak" }, error: nil)
        let sorts = PublicBrowseFilter.Sort.allCases.dropFirst().map { SelectOption(value: $0.rawValue, text: $0.label) }
        let sort = FormViews.select("urut", label: "Urutkan", placeholder: PublicBrowseFilter.Sort.newest.label,
                                    groups: [SelectGroup(label: nil, options: Array(sorts))],
                                    selected: filter.sort == .newest ? nil : filter.sort.rawValue, error: nil)
        var cleared = PublicBrowseFilter()
        cleared.text = filter.text
        let clear: HTML = filter.narrows ? "<a href=\"\(PublicBrowsePaths.list)\(cleared.queryString())\">Hapus saringan</a>" : .empty
        return """
            <form method="get" action="\(PublicBrowsePaths.list)" class="browse" role="search" aria-label="Cari usulan">
            <div class="field search">
            <label for="q">Cari judul, permasalahan, atau lokasi</label>
            <p class="hint" id="q-hint">Misalnya: drainase, posyandu, Gang Mawar. Kata terakhir boleh belum lengkap.</p>
            <div class="search-row"><input id="q" name="q" type="search" value="\(filter.text)" aria-describedby="q-hint" maxlength="\(PublicBrowseFilter.maxTextLength)">
            <button type="submit" class="button">Cari</button></div>
            </div>
            <details class="filters"\(filter.narrows ? " open" : "")>
            <summary>Saring dan urutkan</summary>
            <div class="filter-fields">
            \(cycles)\(kecamatan)\(kelurahan)\(bidang)\(opd)\(state)\(funded)\(sort)
            </div>
            <p class="actions"><button type="submit" class="button secondary">Terapkan saringan</button> \(clear)</p>
            </details>
            </form>
            """
    }

    private static func results(_ page: Page) -> HTML {
        let result = page.result, filter = page.filter
        let count = Rupiah.groupDigits(UInt64(result.total))
        let found: HTML = filter.text.isEmpty
            ? "\(count) usulan"
            : "\(count) usulan cocok dengan “\(filter.text)”"
        guard !result.rows.isEmpty else {
            let beyond: HTML = result.total > 0
                ? "<p>Halaman \(result.page) tidak ada: daftar ini \(result.pageCount) halaman. <a href=\"\(PublicBrowsePaths.list)\(filter.queryString(page: result.pageCount))\">Ke halaman terakhir</a>.</p>"
                : "<p>Tidak ada usulan yang cocok. Periksa ejaan kata yang dicari, pakai kata yang lebih sedikit, atau hapus sebagian saringan.</p>"
            return """
                <h2 id="hasil">\(found)</h2>
                \(beyond)
                """
        }
        let first = (result.page - 1) * result.pageSize + 1
        let items = result.rows.map(entry)
        return """
            <h2 id="hasil">\(found)</h2>
            <p class="muted">Menampilkan \(first)–\(first + result.rows.count - 1) dari \(count), \(filter.sort.label.lowercased()).</p>
            <ol class="results" start="\(first)">\(items)</ol>
            \(PaginationView.render(page: result.page, of: result.pageCount, label: "Halaman daftar usulan") {
                PublicBrowsePaths.list + filter.queryString(page: $0)
            })
            """
    }

    /// One proposal: its title linking to its page, code, place, activity, cost in force and state in words.
    private static func entry(_ row: ProposalSummary) -> HTML {
        let rtRW: HTML = AreaWords.rtRW(rt: row.rtNumber, rw: row.rwNumber).map { "\($0), " } ?? .empty
        let proposed: HTML = row.effectiveCost != row.cost ? " <span class=\"muted\">(diusulkan \(Rupiah.format(row.cost)))</span>" : .empty
        return """
            <li>
            <h3><a href="\(PublicProposalPaths.proposal(row.trackingCode))">\(row.title)</a></h3>
            <p class="code">\(row.trackingCode.description)</p>
            <p>\(rtRW)Kelurahan \(row.kelurahanName), Kecamatan \(row.kecamatanName)</p>
            <p class="muted">\(row.kamusName) · \(row.bidangName)</p>
            <p><strong>\(Rupiah.format(row.effectiveCost))</strong>\(proposed)</p>
            <p>\(StateWords.badge(row.state))</p>
            </li>
            """
    }
}
