import Musrenbang

/// The comments under a published proposal's timeline: each with its author's public label ("Warga Kel. Pondok
/// Karya") and time, a hidden one as "disembunyikan oleh moderator" with the reason and without its text; then the
/// form for a signed-in resident, or a link to sign in.
enum CommentsView {
    /// Who is reading, for the form below the list.
    enum Reader {
        case visitor
        case resident
        /// Signed in, but not acting as a resident.
        case staff
    }

    static func render(_ comments: [ProposalComment], code: TrackingCode, reader: Reader, typed: String = "",
                       errors: [FieldError] = [], csrfToken: String) -> HTML {
        """
        <section class="comments" id="komentar" aria-labelledby="judul-komentar">
        <h2 id="judul-komentar">Komentar warga (\(comments.count))</h2>
        \(list(comments))
        \(form(code: code, reader: reader, typed: typed, errors: errors, csrfToken: csrfToken))
        </section>
        """
    }

    static func list(_ comments: [ProposalComment]) -> HTML {
        guard !comments.isEmpty else { return "<p class=\"empty\">Belum ada komentar.</p>" }
        let items = comments.map { comment -> HTML in
            let text: HTML = if let hidden = comment.hidden {
                """
                <p class="hidden-comment"><em>Komentar ini disembunyikan oleh moderator.</em> \
                <span class="label">Alasan:</span> \(hidden.reason)</p>
                """
            } else {
                "<p class=\"prose\">\(comment.body ?? "")</p>"
            }
            return """
                <li id="\(CommentPaths.anchor(comment.id))">
                <p class="when"><strong>\(comment.authorLabel)</strong> · <time datetime="\(WIBTime.iso8601(comment.createdAt))">\(WIBTime.format(comment.createdAt))</time></p>
                \(text)
                </li>
                """
        }
        return "<ol class=\"comment-list\">\(items)</ol>"
    }

    private static func form(code: TrackingCode, reader: Reader, typed: String, errors: [FieldError], csrfToken: String) -> HTML {
        switch reader {
        case .visitor:
            return "<p><a href=\"/masuk?kembali=\(PublicProposalPaths.proposal(code))\">Masuk untuk berkomentar</a></p>"
        case .staff:
            return "<p class=\"hint\">Komentar ditulis oleh akun warga. Bila akun Anda juga akun warga, pilih peran Warga lewat \"Ganti peran\".</p>"
        case .resident:
            return """
                \(FormViews.errorSummary(errors))
                <form method="post" action="\(CommentPaths.add(code))" novalidate>
                \(FormViews.csrf(csrfToken))
                \(FormViews.textArea("isi", label: "Tulis komentar", value: typed,
                                     hint: "Paling banyak \(CommentRules.maxLength) huruf. Komentar tampil untuk umum dengan nama \"Warga Kel. ...\" (kelurahan tempat tinggal Anda), tanpa nama, nomor telepon atau e-mail Anda.",
                                     error: errors.first.map(\.message), rows: 4))
                <button type="submit" class="button">Kirim komentar</button>
                </form>
                """
        }
    }
}
