import Foundation
import Musrenbang

/// One proposal at the kota stage: its state, everything entered, the decision (tetapkan / tidak ditetapkan) while it
/// waits inside the kota window, Bappeda's correction form (any state but a draft; logged with its reason, also after
/// a berita acara), the decisions and the timeline.
enum RatificationProposalView {
    struct Page {
        let full: FullProposal
        let cycle: Cycle
        let kotaLocked: Bool
        let returnTo: String
        let form: RatificationForm
        let correction: CorrectionForm
        let csrfToken: String
        let now: Date
        var notice: RefusalNotice?
    }

    static func render(_ page: Page) -> HTML {
        let isDraft = page.full.proposal.state == ProposalState(.praMusrenbang, .draft)
        let actions: HTML = """
            \(isDecidable(page) ? decision(page) : .empty)
            \(isDraft ? .empty : correction(page))
            """
        return DeskProposalView.render(page.full, back: (page.returnTo, "Kembali ke daftar penetapan"),
                                       errors: page.form.errors + page.correction.errors, notice: page.notice,
                                       standing: standing(page), actions: actions)
    }

    static func isDecidable(_ page: Page) -> Bool {
        BappedaDesk.waiting.contains(page.full.proposal.state) && !page.kotaLocked && page.cycle.isOpen(.kota, at: page.now)
    }

    private static func standing(_ page: Page) -> HTML {
        guard BappedaDesk.waiting.contains(page.full.proposal.state) else {
            return "<p class=\"notice\">Usulan ini tidak sedang menunggu penetapan. Keadaannya: \(StateWords.text(page.full.proposal.state)). Bila keliru, koreksi di bawah.</p>"
        }
        if page.kotaLocked { return "<p class=\"notice\">Berita acara Musrenbang kota sudah ditandatangani; hasilnya hanya dapat dikoreksi di bawah.</p>" }
        return StageNotice.render(.kota, cycle: page.cycle, now: page.now)
    }

    private static func decision(_ page: Page) -> HTML {
        let form = page.form
        let radios = RatificationDecision.allCases.map { choice -> HTML in
            let checked: HTML = (form.decision ?? .tetapkan) == choice ? " checked" : .empty
            return """
                <div class="choice"><input type="radio" id="keputusan-\(choice.rawValue)" name="keputusan" value="\(choice.rawValue)"\(checked)>
                <label for="keputusan-\(choice.rawValue)">\(choice.label)</label></div>
                """
        }
        let decisionError: HTML = form.error("keputusan").map { "<p class=\"field-error\" id=\"keputusan-error\">\($0)</p>" } ?? .empty
        return """
            <section class="decide" aria-labelledby="penetapan">
            <h2 id="penetapan">Penetapan</h2>
            <form method="post" action="\(RatificationPaths.proposal(page.full.code))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="versi" value="\(form.version.map(String.init) ?? "")">
            <input type="hidden" name="kembali" value="\(page.returnTo)">
            <fieldset id="keputusan" class="\(form.error("keputusan") == nil ? "" : "has-error")">
            <legend>Keputusan</legend>
            \(decisionError)
            \(radios)
            </fieldset>
            \(FormViews.textArea("alasan", label: "Alasan", value: form.reason, hint: "Wajib untuk tidak ditetapkan. Dicatat pada riwayat usulan dan dibaca pengusul.",
                                 error: form.error("alasan"), rows: 3, required: false))
            <button type="submit" class="button">Simpan keputusan</button>
            </form>
            </section>
            """
    }

    private static func correction(_ page: Page) -> HTML {
        let form = page.correction
        let proposal = page.full.proposal
        let options = CorrectionForm.targets.map { SelectOption(value: $0.description, text: StateWords.text($0)) }
        return """
            <section class="decide" aria-labelledby="koreksi">
            <h2 id="koreksi">Koreksi Bappeda</h2>
            <p>Memindahkan usulan ke keadaan yang benar, juga setelah berita acara suatu tingkat. Koreksi selalu dicatat pada riwayat dengan alasannya dan ditandai bila mengubah hasil yang sudah dikunci.</p>
            <form method="post" action="\(RatificationPaths.correction(page.full.code))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="versi" value="\(form.version.map(String.init) ?? "")">
            <input type="hidden" name="kembali" value="\(page.returnTo)">
            \(FormViews.select("tujuan", label: "Keadaan yang benar", placeholder: "(pilih keadaan)", groups: [SelectGroup(label: nil, options: options)],
                               selected: form.target?.description, error: form.error("tujuan")))
            <fieldset class="change">
            <legend>Volume dan biaya yang benar (boleh dikosongkan)</legend>
            <p>Berlaku sekarang: \(Rupiah.groupDigits(UInt64(max(0, proposal.effectiveVolume)))) \(proposal.unit), \(Rupiah.format(proposal.effectiveCost)) (harga satuan SSH \(Rupiah.format(proposal.unitPrice))).</p>
            <div class="pair">
            \(FormViews.field("volume", label: "Volume (\(proposal.unit))", value: form.volume, error: form.error("volume"), required: false, inputMode: "numeric"))
            \(FormViews.field("biaya", label: "Biaya (rupiah)", value: form.cost, error: form.error("biaya"), required: false, inputMode: "numeric"))
            </div>
            </fieldset>
            \(FormViews.textArea("alasan-koreksi", label: "Alasan koreksi", value: form.reason, hint: "Wajib. Dicatat pada riwayat usulan.",
                                 error: form.error("alasan-koreksi"), rows: 3, required: false))
            <button type="submit" class="button secondary">Simpan koreksi</button>
            </form>
            </section>
            """
    }
}
