import Foundation
import Musrenbang

/// A proposal on a verifier's desk: its state, everything entered (with photos and attachments), the decision form
/// while it waits for this level inside the stage's window, each level's decision and the timeline.
enum VerificationProposalView {
    struct Page {
        let full: FullProposal
        let verifier: Verifier
        let cycle: Cycle
        let form: VerificationForm
        let templates: [ReasonTemplate]
        let csrfToken: String
        let now: Date
        var notice: RefusalNotice?
    }

    static func render(_ page: Page) -> HTML {
        DeskProposalView.render(page.full, back: (page.form.returnTo, "Kembali ke daftar verifikasi"), errors: page.form.errors,
                                notice: page.notice, standing: standing(page), actions: decision(page))
    }

    private static func isDecidable(_ page: Page) -> Bool {
        page.full.proposal.state == page.verifier.waiting && page.cycle.isOpen(page.verifier.stage, at: page.now)
    }

    /// Above the details: why there is nothing to decide, or a link down to the decision form.
    private static func standing(_ page: Page) -> HTML {
        guard page.full.proposal.state == page.verifier.waiting else {
            return "<p class=\"notice\">Usulan ini tidak sedang menunggu verifikasi Anda. Keadaannya: \(StateWords.text(page.full.proposal.state)).</p>"
        }
        guard page.cycle.isOpen(page.verifier.stage, at: page.now) else { return StageNotice.render(page.verifier.stage, cycle: page.cycle, now: page.now) }
        return "<p><a href=\"#keputusan-anda\">Langsung ke keputusan Anda</a></p>"
    }

    /// The one decision form: the choice, the new volume and cost for a change (beside the original and the SSH rule),
    /// a saved reason or a typed one, at the version shown.
    private static func decision(_ page: Page) -> HTML {
        guard isDecidable(page) else { return .empty }
        let form = page.form
        let proposal = page.full.proposal
        let radios = page.verifier.decisions.map { choice -> HTML in
            let checked: HTML = (form.decision ?? .terima) == choice ? " checked" : .empty
            return """
                <div class="choice"><input type="radio" id="keputusan-\(choice.rawValue)" name="keputusan" value="\(choice.rawValue)"\(checked)>
                <label for="keputusan-\(choice.rawValue)">\(choice.label)</label></div>
                """
        }
        let decisionError: HTML = form.error("keputusan").map { "<p class=\"field-error\" id=\"keputusan-error\">\($0)</p>" } ?? .empty
        let unit = proposal.unit
        let inForce: HTML = proposal.latestRecommendation.map { rec in
            "<p>Berlaku sekarang (rekomendasi \(rec.level.recommenderName)): \(Rupiah.groupDigits(UInt64(max(0, rec.volume)))) \(unit), \(Rupiah.format(rec.cost)).</p>"
        } ?? .empty
        let tolerance = percent(page.cycle.settings.costToleranceBasisPoints)
        let templateSelect: HTML = page.templates.isEmpty ? .empty : FormViews.select(
            "templat", label: "Alasan tersimpan", placeholder: "(tidak memakai alasan tersimpan)",
            groups: [SelectGroup(label: nil, options: page.templates.map { SelectOption(value: String($0.id), text: $0.text) })],
            selected: form.templateId.map(String.init), error: form.error("templat"),
            hint: "Teks alasan tersimpan dicatat lebih dulu, lalu teks yang Anda tulis di bawah (bila ada).")
        return """
            <section class="decide" aria-labelledby="keputusan-anda">
            <h2 id="keputusan-anda">Keputusan Anda</h2>
            <form method="post" action="\(VerificationPaths.proposal(page.full.code))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="versi" value="\(form.version.map(String.init) ?? "")">
            <input type="hidden" name="kembali" value="\(form.returnTo)">
            <fieldset id="keputusan" class="\(form.error("keputusan") == nil ? "" : "has-error")">
            <legend>Keputusan</legend>
            \(decisionError)
            \(radios)
            </fieldset>
            <fieldset class="change">
            <legend>Perubahan volume dan biaya (hanya untuk "Terima dengan perubahan")</legend>
            <p>Diusulkan: <strong>\(Rupiah.groupDigits(UInt64(max(0, proposal.volume)))) \(unit)</strong>, <strong>\(Rupiah.format(proposal.cost))</strong>
            (harga satuan SSH \(Rupiah.format(proposal.unitPrice)) per \(unit)).</p>
            \(inForce)
            <div class="pair">
            \(FormViews.field("volume", label: "Volume baru (\(unit))", value: form.volume, hint: "Angka bulat, misalnya 100.",
                              error: form.error("volume"), required: false, inputMode: "numeric"))
            \(FormViews.field("biaya", label: "Biaya baru (rupiah)", value: form.cost,
                              hint: "Tidak boleh di bawah volume baru × \(Rupiah.format(proposal.unitPrice)) (harga SSH). Lebih dari \(tolerance) di atasnya tetap dapat disimpan, tetapi ditandai untuk diperiksa.",
                              error: form.error("biaya"), required: false, inputMode: "numeric"))
            </div>
            </fieldset>
            \(templateSelect)
            \(FormViews.textArea("alasan", label: "Alasan", value: form.reason,
                                 hint: "Wajib untuk terima dengan perubahan, tolak\(page.verifier.canReturn ? " dan kembalikan" : ""). Alasan ini dicatat pada riwayat usulan dan dibaca pengusul.",
                                 error: form.error("alasan"), rows: 3, required: false))
            <p class="hint"><a href="\(VerificationPaths.templates)">Atur alasan tersimpan</a></p>
            <button type="submit" class="button">Simpan keputusan</button>
            </form>
            </section>
            """
    }

    /// Basis points as a percentage in Indonesian notation: 1000 -> "10%", 1250 -> "12,5%".
    static func percent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, rest = basisPoints % 100
        guard rest != 0 else { return "\(whole)%" }
        let decimals = rest % 10 == 0 ? String(rest / 10) : (rest < 10 ? "0\(rest)" : String(rest))
        return "\(whole),\(decimals)%"
    }
}
