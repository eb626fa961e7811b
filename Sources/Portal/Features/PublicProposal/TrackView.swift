/// The tracking form (`/lacak`) and its answers: the form alone, a malformed code (422, the typed text kept, the
/// format with an example), and a code with no published proposal (404: what a code looks like, where it is printed,
/// when proposals become public, and where a proposer sees their own). The same page answers a mistyped or
/// unpublished `/usulan/{kode}`, so that it never tells whether an unpublished proposal exists.
enum TrackView {
    static func form(typed: String = "", error: String? = nil) -> HTML {
        let describedBy: HTML = error == nil ? "kode-petunjuk" : "kode-petunjuk kode-galat"
        let message: HTML = error.map { "<p class=\"field-error\" id=\"kode-galat\"><span class=\"visually-hidden\">Galat:</span> \($0)</p>" }
            ?? .empty
        let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\""
        return """
            <form method="get" action="\(PublicProposalPaths.track)" class="track">
            <div class="field\(error == nil ? "" : " has-error")">
            <label for="kode">Kode pelacakan</label>
            <p class="hint" id="kode-petunjuk">Contoh: \(TypedTrackingCode.example). Huruf besar atau kecil, spasi atau tanda hubung boleh.</p>
            \(message)
            <input type="text" id="kode" name="kode" value="\(typed)" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="\(describedBy)"\(invalid)>
            </div>
            <p><button type="submit" class="button">Lacak</button></p>
            </form>
            """
    }

    static func start() -> HTML {
        """
        <h1>Lacak usulan</h1>
        <p class="lead">Ketik kode pelacakan dari tanda terima usulan untuk melihat isinya, keputusan tiap tingkat, dan riwayatnya.</p>
        \(form())
        \(aboutCodes)
        """
    }

    static func malformed(typed: String) -> HTML {
        let error = "Kode pelacakan terdiri dari kode kota, tahun, dan nomor urut, misalnya \(TypedTrackingCode.example)."
        return """
            <div class="error-summary" role="alert" tabindex="-1">
            <h2>Ada yang perlu diperbaiki</h2>
            <ul><li><a href="#kode">\(error)</a></li></ul>
            </div>
            <h1>Lacak usulan</h1>
            \(form(typed: typed, error: error))
            \(aboutCodes)
            """
    }

    static func notFound(typed: String) -> HTML {
        """
        <h1>Usulan tidak ditemukan</h1>
        <p class="lead">Belum ada usulan yang diumumkan dengan kode ini. Periksa lagi kodenya: mungkin ada angka yang tertukar.</p>
        \(form(typed: typed))
        \(aboutCodes)
        """
    }

    private static let aboutCodes: HTML = """
        <h2>Tentang kode pelacakan</h2>
        <ul>
        <li>Kode pelacakan tercetak pada tanda terima usulan, di bawah tulisan "Kode pelacakan usulan Anda", misalnya <strong>\(TypedTrackingCode.example)</strong>: kode kota, tahun rencana, dan nomor urut.</li>
        <li>Usulan dapat dilihat siapa saja setelah diumumkan, yaitu sejak Musrenbang kecamatan siklusnya dibuka. Sebelum itu usulan belum tampil di sini.</li>
        <li>Anda yang mengusulkan dapat melihat usulan sendiri kapan saja: <a href="/masuk?kembali=/usulan/saya">masuk</a>, lalu buka <a href="/usulan/saya">Usulan saya</a>.</li>
        </ul>
        """
}
