import Musrenbang

/// The moderation queue: newest first, each comment with its proposal, its author's public label and time; a
/// visible one with a reason field and "Sembunyikan", a hidden one with its reason.
enum ModerationView {
    static func render(_ items: [ModerationItem], unitLabel: String, failed: Int64?, typed: String, errors: [FieldError],
                       csrfToken: String) -> HTML {
        let rows = items.map { item -> HTML in
            let comment = item.comment
            let isFailed = comment.id == failed
            let action: HTML = if let hidden = comment.hidden {
                "<p class=\"hidden-comment\"><em>Disembunyikan oleh moderator</em> (\(WIBTime.format(hidden.at))). <span class=\"label\">Alasan:</span> \(hidden.reason)</p>"
            } else {
                """
                <p class="prose">\(comment.body ?? "")</p>
                <form method="post" action="\(CommentPaths.hide(comment.id))" novalidate>
                \(FormViews.csrf(csrfToken))
                \(reasonField(comment.id, typed: isFailed ? typed : "", error: isFailed ? errors.first?.message : nil))
                <button type="submit" class="button secondary">Sembunyikan</button>
                </form>
                """
            }
            return """
                <li id="\(CommentPaths.anchor(comment.id))">
                <p class="when"><a href="\(PublicProposalPaths.proposal(item.trackingCode))">\(item.trackingCode.description)</a> \(item.proposalTitle) · Kel. \(item.kelurahanName)</p>
                <p class="when"><strong>\(comment.authorLabel)</strong> · \(WIBTime.format(comment.createdAt))</p>
                \(action)
                </li>
                """
        }
        let list: HTML = items.isEmpty ? "<p class=\"empty\">Belum ada komentar pada usulan di wilayah Anda.</p>"
                                       : "<ol class=\"comment-list\">\(rows)</ol>"
        return """
            <p class="back"><a href="/kerja">‹ Kembali ke ruang kerja</a></p>
            \(FormViews.errorSummary(errors.map { FieldError(field: "alasan-\(failed ?? 0)", message: $0.message) }))
            <h1>Moderasi komentar</h1>
            <p class="lead">Komentar warga terbaru pada usulan yang menjadi cakupan \(unitLabel). Sembunyikan komentar yang melanggar aturan (misalnya menyebut data pribadi, menghina, atau iklan) dengan alasannya: teks komentar hilang dari halaman umum, alasannya tampil di tempatnya, dan setiap tindakan tercatat.</p>
            \(list)
            """
    }

    /// The reason field of one comment's form: posted as `alasan`, its id unique on the page (`alasan-12`).
    private static func reasonField(_ id: Int64, typed: String, error: String?) -> HTML {
        let frame = FieldFrame(name: "alasan-\(id)", label: "Alasan menyembunyikan", hint: "Tampil untuk umum di tempat komentar ini.",
                               error: error)
        return frame.wrap("""
            <textarea id="alasan-\(id)" name="alasan" rows="2"\(frame.controlAttributes) required>\(typed)</textarea>
            """)
    }
}
