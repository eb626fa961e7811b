import Foundation
import Musrenbang

/// The public pages of one piece of feedback: the confirmation after sending, its page (`/saran/{kode}`), and the
/// tracking form with its answers. Built only from `PublicFeedback`, which holds no sender's name or contact.
enum FeedbackPublicView {
    /// After sending: the code large, the unit it went to, what happens next, where to follow it.
    static func sent(_ feedback: PublicFeedback, address: String) -> HTML {
        """
        <div class="panel confirmation">
        <h1>\(feedback.kind.displayName) Anda sudah terkirim</h1>
        <p>Kode pelacakan</p>
        <p class="code">\(feedback.code.description)</p>
        </div>
        <h2>Apa yang terjadi selanjutnya</h2>
        <ol class="steps">
        <li>\(feedback.kind.displayName) Anda diarahkan ke <strong>\(feedback.unitName)</strong>, yang berwenang untuk kategori \(feedback.category.displayName) di wilayah itu.</li>
        <li>Bila lebih tepat ditangani unit lain, petugas meneruskannya ke sana.</li>
        <li>Jawaban petugas diumumkan di halaman saran ini. Nama dan kontak Anda tidak pernah ditampilkan.</li>
        </ol>
        <p>Simpan kode di atas untuk melihat jawabannya: <a href="\(FeedbackPaths.item(feedback.code))">\(address)</a>.</p>
        <p class="actions"><a class="button" href="\(FeedbackPaths.item(feedback.code))">Lihat saran Anda</a> <a class="button secondary" href="\(FeedbackPaths.form)">Kirim saran lain</a></p>
        """
    }

    /// The public page: what, where, the status and unit, the answer, the public steps.
    static func item(_ feedback: PublicFeedback) -> HTML {
        let text: HTML = feedback.text.map { "<div class=\"prose\">\($0)</div>" }
            ?? "<p class=\"notice\">Isi \(feedback.kind.displayName.lowercased()) ini disembunyikan oleh petugas\(feedback.closeNote.map { ": \($0)" } ?? "").</p>"
        let photo: HTML = feedback.photo.map { size in
            "<p><img src=\"\(FeedbackPaths.photo(feedback.code))\" width=\"\(size.width)\" height=\"\(size.height)\" alt=\"Foto yang dikirim bersama saran ini\"></p>"
        } ?? .empty
        let answer: HTML
        if let text = feedback.answer, let at = feedback.answeredAt {
            answer = """
                <section class="decide" aria-labelledby="jawaban">
                <h2 id="jawaban">Jawaban \(feedback.unitName)</h2>
                <p class="when">\(WIBTime.format(at))</p>
                <div class="prose">\(text)</div>
                </section>
                """
        } else if feedback.status == .ditutup {
            answer = "<section aria-labelledby=\"jawaban\"><h2 id=\"jawaban\">Ditutup tanpa jawaban</h2><p>\(feedback.closeNote ?? "")</p></section>"
        } else {
            answer = "<p class=\"notice\">Belum dijawab. \(feedback.unitName) sedang menanganinya; jawaban akan tampil di sini.</p>"
        }
        let closing: HTML = feedback.status == .ditutup && feedback.answer != nil && !feedback.hidden
            ? (feedback.closeNote.map { "<p><span class=\"label\">Catatan penutupan:</span> \($0)</p>" } ?? .empty) : .empty
        let steps = feedback.steps.map { step -> HTML in
            "<li><p class=\"when\">\(WIBTime.format(step.at))</p><p>\(FeedbackWords.step(step.action, from: step.fromUnitName, to: step.unitName))</p></li>"
        }
        return """
            <p class="back"><a href="\(FeedbackPaths.list)">‹ Saran yang sudah dijawab</a></p>
            <h1>\(feedback.kind.displayName) <span class="code">\(feedback.code.description)</span></h1>
            <p class="meta">\(FeedbackWords.badge(feedback.status)) <span>\(feedback.category.displayName)</span></p>
            <dl class="facts">
            <dt>Wilayah</dt><dd>\(feedback.areaName)</dd>
            <dt>Ditangani</dt><dd>\(feedback.unitName)</dd>
            <dt>Dikirim</dt><dd>\(WIBTime.format(feedback.createdAt))</dd>
            </dl>
            <h2>Isi</h2>
            \(text)
            \(photo)
            \(answer)
            \(closing)
            <h2>Riwayat</h2>
            <ol class="timeline">\(steps)</ol>
            """
    }

    /// The tracking form (a GET form: no state, no token).
    static func trackForm(typed: String = "", error: String? = nil) -> HTML {
        let message: HTML = error.map { "<p class=\"field-error\" id=\"kode-error\">\($0)</p>" } ?? .empty
        let described: HTML = error == nil ? "kode-hint" : "kode-hint kode-error"
        let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\""
        return """
            <form method="get" action="\(FeedbackPaths.track)" class="track">
            <div class="field\(error == nil ? "" : " has-error")">
            <label for="kode">Kode saran</label>
            <p class="hint" id="kode-hint">Contoh: \(FeedbackCode.example). Huruf besar atau kecil, spasi atau tanda hubung boleh.</p>
            \(message)
            <input type="text" id="kode" name="kode" value="\(typed)" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="\(described)"\(invalid)>
            </div>
            <p><button type="submit" class="button">Lacak</button></p>
            </form>
            """
    }

    static func trackStart() -> HTML {
        """
        <h1>Lacak saran atau pengaduan</h1>
        <p class="lead">Ketik kode yang Anda terima setelah mengirim saran untuk melihat keadaannya dan jawabannya.</p>
        \(trackForm())
        """
    }

    static func malformed(typed: String) -> HTML {
        let error = "Kode saran terdiri dari SRN, tahun, dan nomor urut, misalnya \(FeedbackCode.example)."
        return """
            <div class="error-summary" role="alert" tabindex="-1">
            <h2>Ada yang perlu diperbaiki</h2>
            <ul><li><a href="#kode">\(error)</a></li></ul>
            </div>
            <h1>Lacak saran atau pengaduan</h1>
            \(trackForm(typed: typed, error: error))
            """
    }

    static func notFound(typed: String) -> HTML {
        """
        <h1>Saran tidak ditemukan</h1>
        <p class="lead">Tidak ada saran atau pengaduan dengan kode ini. Periksa lagi kodenya: mungkin ada angka yang tertukar.</p>
        \(trackForm(typed: typed))
        <p>Kode saran dimulai dengan SRN, misalnya \(FeedbackCode.example). Kode usulan Musrenbang (misalnya TGS-2027-000123) dilacak di <a href="/lacak">Lacak usulan</a>.</p>
        """
    }
}
