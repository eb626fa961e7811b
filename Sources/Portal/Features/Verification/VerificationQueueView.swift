import Foundation
import Musrenbang

/// The queue of a verifier's level: the state tabs with their counts, the filters (a GET form: every view is a
/// shareable address), the proposals of the selected tab in the chosen order, 50 a page, and on the waiting tab
/// while the stage is open a checkbox per row with one decision (and one note) for every ticked proposal.
enum VerificationQueueView {
    struct Page {
        let verifier: Verifier
        let roleLabel: String
        let cycle: Cycle
        let filter: VerificationFilter
        let selected: WorkTab
        let result: ProposalPage
        let choices: VerificationChoices
        let bulk: VerificationBulkForm
        let csrfToken: String
        let now: Date
    }

    static func render(_ page: Page) -> HTML {
        let offersBulk = page.selected.key == page.verifier.tabs[0].key && page.cycle.isOpen(page.verifier.stage, at: page.now)
            && !page.result.rows.isEmpty
        let tabs = page.verifier.tabs.map { tab -> HTML in
            let current: HTML = tab.key == page.selected.key ? " aria-current=\"page\"" : .empty
            return """
                <li><a href="\(VerificationPaths.queue)\(page.filter.queryString(status: tab.key))"\(current)>\(tab.label) <span class="count">\(tab.count(in: page.result.countsByState))</span></a></li>
                """
        }
        let list = offersBulk ? bulkForm(page) : table(page, bulk: false)
        return """
            \(FormViews.errorSummary(page.bulk.errors))
            <h1>Verifikasi usulan</h1>
            <p class="lead">Sebagai \(page.roleLabel), Anda memverifikasi usulan \(scopeWords(page.verifier)) pada \(page.verifier.stage.displayName): terima, terima dengan perubahan, \(page.verifier.canReturn ? "tolak, atau kembalikan ke pengusul" : "atau tolak"), dengan alasannya.</p>
            \(StageNotice.render(page.verifier.stage, cycle: page.cycle, now: page.now))
            <nav aria-label="Saring menurut keadaan"><ul class="tabs">\(tabs)</ul></nav>
            \(filters(page))
            \(list)
            \(pagination(page))
            <p><a href="\(VerificationPaths.templates)">Alasan tersimpan tingkat ini</a></p>
            \(page.verifier.level == .kecamatan ? "<p><a href=\"\(VerificationPaths.lastCycle)\">Usulan tak terdanai siklus lalu</a></p>" as HTML : .empty)
            """
    }

    static func scopeWords(_ verifier: Verifier) -> String {
        switch verifier.level {
        case .kelurahan: "kelurahan Anda"
        case .kecamatan: "yang diteruskan kelurahan-kelurahan di kecamatan Anda"
        default: "yang diteruskan kecamatan ke perangkat daerah Anda"
        }
    }

    /// The address of the list as shown (tab, filters, page), to come back to after a proposal or an action.
    static func back(_ page: Page) -> String {
        VerificationPaths.queue + page.filter.queryString(status: page.selected.key, page: page.result.page)
    }

    /// The filters as a GET form: the address it leads to is the shareable view. Drawn once per distinct filter
    /// (`VerificationQueueDrawing`).
    private static func filters(_ page: Page) -> HTML {
        let key = VerificationQueueDrawing.Filters(filter: page.filter, selectedKey: page.selected.key, choices: page.choices)
        return VerificationQueueDrawing.filters.html(for: key) { drawFilters(page) }
    }

    private static func drawFilters(_ page: Page) -> HTML {
        let filter = page.filter
        func choice(_ name: String, _ label: String, _ options: [SelectOption], _ value: Int64?, all: String) -> HTML {
            guard !options.isEmpty else { return .empty }
            return FormViews.select(name, label: label, placeholder: all, groups: [SelectGroup(label: nil, options: options)],
                                    selected: value.map(String.init), error: nil)
        }
        let fisik = FormViews.select("fisik", label: "Jenis", placeholder: "Fisik dan non-fisik",
                                     groups: [SelectGroup(label: nil, options: [SelectOption(value: "ya", text: "Fisik"),
                                                                                 SelectOption(value: "tidak", text: "Non-fisik")])],
                                     selected: filter.fisik.map { $0 ? "ya" : "tidak" }, error: nil)
        let sorts = VerificationFilter.Sort.allCases.map { SelectOption(value: $0.rawValue, text: $0.label) }
        let sort = FormViews.select("urut", label: "Urutkan", placeholder: "Terlama diajukan dulu",
                                    groups: [SelectGroup(label: nil, options: Array(sorts.dropFirst()))],
                                    selected: filter.sort == .oldest ? nil : filter.sort.rawValue, error: nil)
        let clear: HTML = filter.narrows
            ? "<a href=\"\(VerificationPaths.queue)\(VerificationFilter().queryString(status: page.selected.key))\">Hapus saringan</a>" : .empty
        return """
            <details class="filters"\(filter.narrows ? " open" : "")>
            <summary>Saring dan urutkan</summary>
            <form method="get" action="\(VerificationPaths.queue)" class="filters">
            <input type="hidden" name="status" value="\(page.selected.key)">
            \(FormViews.field("q", label: "Cari judul, permasalahan atau lokasi", value: filter.text, required: false))
            \(choice("kelurahan", "Kelurahan", page.choices.kelurahan, filter.kelurahan, all: "Semua kelurahan"))
            \(choice("rw", "RW", page.choices.rw, filter.rw, all: "Semua RW"))
            \(choice("bidang", "Bidang", page.choices.bidang, filter.bidang, all: "Semua bidang"))
            \(choice("opd", "Perangkat daerah", page.choices.opd, filter.opd, all: "Semua perangkat daerah"))
            \(fisik)
            <div class="pair">
            \(FormViews.field("biaya-min", label: "Biaya paling sedikit (Rp)", value: filter.minCost.map(String.init) ?? "", required: false, inputMode: "numeric"))
            \(FormViews.field("biaya-maks", label: "Biaya paling banyak (Rp)", value: filter.maxCost.map(String.init) ?? "", required: false, inputMode: "numeric"))
            </div>
            \(sort)
            <p class="actions"><button type="submit" class="button secondary">Terapkan</button> \(clear)</p>
            </form>
            </details>
            """
    }

    /// The table inside the several-at-once form.
    private static func bulkForm(_ page: Page) -> HTML {
        let form = page.bulk
        let decisionError: HTML = form.error("keputusan-bersama").map { "<p class=\"field-error\">\($0)</p>" } ?? .empty
        let radios = VerificationBulkForm.offered(page.verifier).map { decision -> HTML in
            let checked: HTML = form.decision == decision ? " checked" : .empty
            let label = switch decision {
            case .kembalikan: "Kembalikan ke pengusul (isi alasannya)"
            case .tolak: "Tolak (isi alasannya)"
            default: decision.label
            }
            return """
                <div class="choice"><input type="radio" id="bersama-\(decision.rawValue)" name="keputusan" value="\(decision.rawValue)"\(checked)>
                <label for="bersama-\(decision.rawValue)">\(label)</label></div>
                """
        }
        let reason = FormViews.textArea("alasan-bersama", label: "Alasan", value: form.reason,
                                        hint: "Wajib untuk tolak\(page.verifier.canReturn ? " dan kembalikan" : ""). Alasan yang sama dicatat pada setiap usulan yang dicentang dan dibaca pengusulnya.",
                                        error: form.error("alasan-bersama"), rows: 3, required: false)
        return """
            <form method="post" action="\(VerificationPaths.queue)" class="bulk-form" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="kembali" value="\(back(page))">
            \(FormViews.pickGroup(error: form.error("pilih-semua"), table(page, bulk: true)))
            <section class="decide" aria-labelledby="sekaligus">
            <h2 id="sekaligus">Putuskan sekaligus</h2>
            <p>Centang usulan di daftar, lalu pilih satu keputusan untuk semuanya. Usulan yang sudah berubah sejak daftar ini dimuat tidak diubah. Untuk terima dengan perubahan, buka usulannya satu per satu.</p>
            <fieldset id="keputusan-bersama" class="\(form.error("keputusan-bersama") == nil ? "" : "has-error")">
            <legend>Keputusan untuk usulan yang dicentang</legend>
            \(decisionError)
            \(radios)
            </fieldset>
            \(reason)
            <button type="submit" class="button">Terapkan pada yang dicentang</button>
            </section>
            </form>
            """
    }

    /// The rows, drawn once per distinct list (`VerificationQueueDrawing`); a bulk form sent back with its ticks is
    /// drawn with them.
    private static func table(_ page: Page, bulk: Bool) -> HTML {
        guard page.bulk.picks.isEmpty else { return drawTable(page, bulk: bulk) }
        let key = VerificationQueueDrawing.Table(filter: page.filter, selectedKey: page.selected.key, selectedLabel: page.selected.label,
                                                 firstTabKey: page.verifier.tabs[0].key, cycleName: page.cycle.name,
                                                 result: page.result, bulk: bulk)
        return VerificationQueueDrawing.tables.html(for: key) { drawTable(page, bulk: bulk) }
    }

    private static func drawTable(_ page: Page, bulk: Bool) -> HTML {
        let result = page.result
        guard !result.rows.isEmpty else {
            let empty = page.filter.narrows ? "Tidak ada usulan yang cocok dengan saringan ini."
                : page.selected.key == page.verifier.tabs[0].key ? "Tidak ada usulan yang menunggu verifikasi Anda saat ini."
                : "Tidak ada usulan dalam daftar ini."
            return "<p class=\"empty\">\(empty)</p>"
        }
        // Encoded once for the page: the same return address on each of its 50 rows.
        let backQuery = "?kembali=" + Portal.queryEncode(back(page))
        let showRank = page.filter.sort == .rank
        let items = result.rows.map { row -> HTML in
            let area = [AreaWords.rtRW(rt: row.rtNumber, rw: row.rwNumber), row.kelurahanName].compactMap { $0 }.joined(separator: ", ")
            let tick: HTML = bulk ? FormViews.pickCell(code: row.trackingCode.description, version: row.version,
                                                       checked: page.bulk.isPicked(row.trackingCode)) : .empty
            let proposed: HTML = row.effectiveCost != row.cost ? "<br><span class=\"muted\">diusulkan \(Rupiah.format(row.cost))</span>" : .empty
            let routed: HTML = row.routedOPDName.map { "<br><span class=\"muted\">ke \($0)</span>" } ?? .empty
            let rank: HTML = showRank ? "<td class=\"num\">\(row.rank.map(String.init) ?? "–")</td>" : .empty
            return """
                <tr>\(tick)
                <td><a href="\(VerificationPaths.proposal(row.trackingCode) + backQuery)"><span class="code">\(row.trackingCode.description)</span><br>\(row.title)</a></td>
                <td>\(row.kamusName)<br><span class="muted">\(row.bidangName) · \(row.isFisik ? "fisik" : "non-fisik")</span></td>
                <td>\(area)</td>
                <td class="num">\(Rupiah.format(row.effectiveCost))\(proposed)</td>
                \(rank)<td>\(StateWords.badge(row.state))\(routed)</td>
                </tr>
                """
        }
        let pickHeader: HTML = bulk ? "<th scope=\"col\"><span class=\"visually-hidden\">Pilih</span></th>" : .empty
        let rankHeader: HTML = showRank ? "<th scope=\"col\" class=\"num\">Peringkat</th>" : .empty
        return """
            <table class="stack worklist">
            <caption>\(page.selected.label): \(result.total) usulan · \(page.cycle.name)</caption>
            <thead><tr>\(pickHeader)<th scope="col">Usulan</th><th scope="col">Kegiatan</th><th scope="col">Wilayah</th><th scope="col" class="num">Biaya</th>\(rankHeader)<th scope="col">Keadaan</th></tr></thead>
            <tbody>\(items)</tbody>
            </table>
            """
    }

    private static func pagination(_ page: Page) -> HTML {
        PaginationView.render(page: page.result.page, of: page.result.pageCount) {
            VerificationPaths.queue + page.filter.queryString(status: page.selected.key, page: $0)
        }
    }
}
