import Foundation
import Musrenbang

/// A proposal on an RT/RW head's desk: its state, everything entered, the decision forms when it waits for this head
/// and the stage is open (approve; return with a required reason), then each level's decision and the timeline.
enum EndorsementProposalView {
    static func render(_ full: FullProposal, head: AreaHead, cycle: Cycle, form: EndorsementForm, csrfToken: String, now: Date,
                       notice: RefusalNotice? = nil) -> HTML {
        DeskProposalView.render(full, back: (form.returnTo, "Kembali ke daftar persetujuan"), errors: form.errors, notice: notice,
                                standing: standing(full, head: head, cycle: cycle, now: now),
                                actions: decision(full, head: head, cycle: cycle, form: form, csrfToken: csrfToken, now: now))
    }

    /// Above the details: why there is nothing to decide (not waiting for this head, or the stage closed), or a link
    /// down to the decision forms, past the details the head reads first.
    private static func standing(_ full: FullProposal, head: AreaHead, cycle: Cycle, now: Date) -> HTML {
        guard full.proposal.state == head.waiting else {
            return "<p class=\"notice\">Usulan ini tidak sedang menunggu persetujuan Anda. Keadaannya: \(StateWords.text(full.proposal.state)).</p>"
        }
        guard cycle.isOpen(.praMusrenbang, at: now) else { return EndorsementListView.scheduleNotice(cycle: cycle, now: now) }
        return "<p><a href=\"#keputusan\">Langsung ke keputusan Anda</a></p>"
    }

    /// The two decision forms, only while the proposal waits for this head inside the stage's window.
    private static func decision(_ full: FullProposal, head: AreaHead, cycle: Cycle, form: EndorsementForm, csrfToken: String,
                                 now: Date) -> HTML {
        guard full.proposal.state == head.waiting, cycle.isOpen(.praMusrenbang, at: now) else { return .empty }
        let next = head.waiting.status == .diajukan ? "Ketua RW" : "Musrenbang kelurahan"
        let action = EndorsementPaths.proposal(full.code)
        let hidden: HTML = """
            \(FormViews.csrf(csrfToken))
            <input type="hidden" name="versi" value="\(form.version.map(String.init) ?? "")">
            <input type="hidden" name="kembali" value="\(form.returnTo)">
            """
        return """
            <section class="decide" aria-labelledby="keputusan">
            <h2 id="keputusan">Keputusan Anda</h2>
            <form method="post" action="\(action)" class="decide-approve">
            \(hidden)
            <input type="hidden" name="keputusan" value="setujui">
            <p>Setujui bila usulan ini memang kebutuhan warga di wilayah Anda. Usulan lalu diteruskan ke \(next).</p>
            <button type="submit" class="button">Setujui</button>
            </form>
            <form method="post" action="\(action)" class="decide-return" novalidate>
            \(hidden)
            <input type="hidden" name="keputusan" value="kembalikan">
            \(FormViews.textArea("alasan", label: "Alasan pengembalian", value: form.reason,
                                 hint: "Apa yang perlu diperbaiki pengusul? Alasan ini dibaca pengusul dan dicatat pada riwayat usulan.",
                                 error: form.error("alasan")))
            <button type="submit" class="button secondary">Kembalikan ke pengusul</button>
            </form>
            </section>
            """
    }
}
