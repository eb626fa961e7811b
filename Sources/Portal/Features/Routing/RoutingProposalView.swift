import Foundation
import Musrenbang

/// One F2 proposal at the routing: its state, everything entered, the routing form (target with the kamus item's OPD
/// proposed, a note) while it waits inside the kecamatan's window after the berita acara; the decisions and timeline.
enum RoutingProposalView {
    struct Page {
        let full: FullProposal
        let cycle: Cycle
        let locked: Bool
        let opds: [OPD]
        let form: RoutingForm
        let csrfToken: String
        let now: Date
        var notice: RefusalNotice?
    }

    static func render(_ page: Page) -> HTML {
        DeskProposalView.render(page.full, back: (RoutingPaths.list, "Kembali ke daftar penerusan"), errors: page.form.errors,
                                notice: page.notice, standing: standing(page), actions: isRoutable(page) ? form(page) : .empty)
    }

    static func isRoutable(_ page: Page) -> Bool {
        page.locked && page.full.proposal.state == KecamatanDesk.waiting && page.cycle.isOpen(.kecamatan, at: page.now)
    }

    private static func standing(_ page: Page) -> HTML {
        guard page.locked else {
            return "<p class=\"notice\">Berita acara Musrenbang kecamatan belum ditandatangani; usulan F2 diteruskan setelahnya.</p>"
        }
        guard page.full.proposal.state == KecamatanDesk.waiting else {
            return "<p class=\"notice\">Usulan ini tidak sedang menunggu diteruskan. Keadaannya: \(StateWords.text(page.full.proposal.state)).</p>"
        }
        return StageNotice.render(.kecamatan, cycle: page.cycle, now: page.now)
    }

    private static func form(_ page: Page) -> HTML {
        let form = page.form
        let kamusOPD = page.opds.first { $0.id == page.full.proposal.opdId }.map { "\($0.shortName) – \($0.name)" } ?? "–"
        return """
            <section class="decide" aria-labelledby="teruskan">
            <h2 id="teruskan">Teruskan usulan ini</h2>
            <p>Perangkat daerah kamus usulannya: <strong>\(kamusOPD)</strong>.</p>
            <form method="post" action="\(RoutingPaths.proposal(page.full.code))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="versi" value="\(form.version.map(String.init) ?? "")">
            \(FormViews.select("tujuan", label: "Tujuan", placeholder: "(pilih tujuan)", groups: RouteTarget.options(opds: page.opds, includeKamus: false),
                               selected: form.target?.value, error: form.error("tujuan")))
            \(FormViews.textArea("catatan", label: "Catatan", value: form.note,
                                 hint: "Wajib untuk tolak. Dicatat pada riwayat usulan dan dibaca pengusul.",
                                 error: form.error("catatan"), rows: 3, required: false))
            <button type="submit" class="button">Simpan</button>
            </form>
            </section>
            """
    }
}
