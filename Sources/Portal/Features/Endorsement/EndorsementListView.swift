import Foundation
import Musrenbang

/// The work list of an RT/RW head: the state tabs with their counts (links, shareable), the proposals of the
/// selected state oldest first, pages, and the stage's schedule when it is not open.
enum EndorsementListView {
    /// `bulk` is the several-at-once form (its ticks, decision, reason and errors); it is offered on the waiting tab
    /// while the stage is open.
    static func render(head: AreaHead, roleLabel: String, cycle: Cycle, selected: WorkTab, result: ProposalPage, now: Date,
                       bulk: EndorsementBulkForm, csrfToken: String) -> HTML {
        let offersBulk = selected.key == head.tabs[0].key && cycle.isOpen(.praMusrenbang, at: now) && !result.rows.isEmpty
        let tabs = head.tabs.map { tab -> HTML in
            let current: HTML = tab.key == selected.key ? " aria-current=\"page\"" : .empty
            return """
                <li><a href="\(EndorsementPaths.list)?status=\(tab.key)"\(current)>\(tab.label) <span class="count">\(tab.count(in: result.countsByState))</span></a></li>
                """
        }
        return """
            \(FormViews.errorSummary(bulk.errors))
            <h1>Persetujuan usulan</h1>
            <p class="lead">Sebagai \(roleLabel), Anda memeriksa usulan warga di wilayah Anda: setujui, atau kembalikan ke pengusul dengan alasan.</p>
            \(scheduleNotice(cycle: cycle, now: now))
            <nav aria-label="Saring menurut keadaan"><ul class="tabs">\(tabs)</ul></nav>
            \(offersBulk ? BulkEndorsementView.render(table(result, selected: selected, head: head, cycle: cycle, bulk: bulk), form: bulk,
                                                      action: back(result, selected: selected), csrfToken: csrfToken)
                : table(result, selected: selected, head: head, cycle: cycle, bulk: nil))
            \(pagination(result, selected: selected))
            """
    }

    /// When the pra-Musrenbang stage is not open: its schedule and what that means for the head.
    static func scheduleNotice(cycle: Cycle, now: Date) -> HTML {
        guard !cycle.isOpen(.praMusrenbang, at: now) else { return .empty }
        let window = cycle.windows[.praMusrenbang]
        let when = window.map { "Jadwalnya \($0.scheduleText)." } ?? "Jadwalnya belum ditetapkan."
        let next = window.map { now < $0.opensAt } == true
            ? "Persetujuan dapat diberikan setelah tahap ini dibuka."
            : "Tahap ini sudah ditutup; persetujuan tidak dapat diberikan lagi. Bila masih ada usulan yang perlu diputuskan, hubungi operator kelurahan: hanya Bappeda yang dapat memperpanjang jadwal."
        return """
            <div class="notice" role="status"><p><strong>Tahap \(Stage.praMusrenbang.displayName) sedang tidak berlangsung.</strong> \(when)</p><p>\(next)</p></div>
            """
    }

    /// The list page itself (tab and page), to come back to after a proposal's page or an action.
    static func back(_ result: ProposalPage, selected: WorkTab) -> String {
        EndorsementPaths.list + "?status=" + selected.key + (result.page > 1 ? "&halaman=\(result.page)" : "")
    }

    /// The rows; with `bulk`, a checkbox first in each (ticked again after a refusal).
    private static func table(_ result: ProposalPage, selected: WorkTab, head: AreaHead, cycle: Cycle, bulk: EndorsementBulkForm?) -> HTML {
        guard !result.rows.isEmpty else {
            let empty = selected.key == head.tabs[0].key ? "Tidak ada usulan yang menunggu persetujuan Anda saat ini." : "Tidak ada usulan dalam daftar ini."
            return "<p class=\"empty\">\(empty)</p>"
        }
        let backPath = back(result, selected: selected)
        let pickHeader: HTML = bulk == nil ? .empty : "<th scope=\"col\"><span class=\"visually-hidden\">Pilih</span></th>"
        let items = result.rows.map { row -> HTML in
            let area = [AreaWords.rtRW(rt: row.rtNumber, rw: row.rwNumber), row.kelurahanName].compactMap { $0 }.joined(separator: ", ")
            let tick: HTML = bulk.map { form in
                let pick = "\(row.trackingCode.description)@\(row.version)"
                let checked: HTML = form.isPicked(row.trackingCode) ? " checked" : .empty
                return """
                    <td class="pick"><label><input type="checkbox" name="pilih" value="\(pick)"\(checked)><span class="visually-hidden">Pilih \(row.trackingCode.description)</span></label></td>
                    """
            } ?? .empty
            return """
                <tr>\(tick)
                <td><a href="\(EndorsementPaths.proposal(row.trackingCode))?kembali=\(Portal.queryEncode(backPath))"><span class="code">\(row.trackingCode.description)</span><br>\(row.title)</a></td>
                <td>\(row.kamusName)<br><span class="muted">\(area)</span></td>
                <td class="num">\(Rupiah.format(row.effectiveCost))</td>
                <td>\(StateWords.badge(row.state))</td>
                </tr>
                """
        }
        return """
            <table class="stack worklist">
            <caption>\(selected.label): \(result.total) usulan · \(cycle.name)</caption>
            <thead><tr>\(pickHeader)<th scope="col">Usulan</th><th scope="col">Kegiatan dan wilayah</th><th scope="col" class="num">Biaya</th><th scope="col">Keadaan</th></tr></thead>
            <tbody>\(items)</tbody>
            </table>
            """
    }

    private static func pagination(_ result: ProposalPage, selected: WorkTab) -> HTML {
        PaginationView.render(page: result.page, of: result.pageCount) { "\(EndorsementPaths.list)?status=\(selected.key)&halaman=\($0)" }
    }
}
