import Foundation
import Musrenbang

/// The confirmation after sending: the tracking code large, what happens next with the kelurahan Musrenbang's date,
/// and a receipt that prints on its own (print CSS hides the rest of the page).
enum ProposalReceiptView {
    static func render(_ proposal: Proposal, place: String, cycle: Cycle, trackURL: String) -> HTML {
        let kelurahan = cycle.windows[.kelurahan].map { "mulai \(WIBTime.formatDate($0.opensAt))" } ?? "sesuai jadwal kelurahan"
        let pra = cycle.windows[.praMusrenbang].map { "sampai \(WIBTime.formatDate($0.closesAt.addingTimeInterval(-1)))" } ?? ""
        return """
            <div class="no-print">
            <div class="panel confirmation">
            <h1>Usulan Anda sudah dikirim</h1>
            <p>Kode pelacakan usulan Anda</p>
            <p class="code">\(proposal.trackingCode)</p>
            </div>
            <h2>Apa yang terjadi selanjutnya</h2>
            <ol class="steps">
            <li>Ketua RT memeriksa dan menyetujui usulan Anda, atau mengembalikannya dengan alasan agar Anda perbaiki \(pra).</li>
            <li>Setelah itu Ketua RW memeriksa dan menyetujuinya.</li>
            <li>Usulan dibahas di Musrenbang kelurahan (\(kelurahan)); hasilnya diumumkan dan dapat Anda ikuti.</li>
            </ol>
            <p>Anda akan melihat setiap perubahan di <a href="/usulan/saya">Usulan saya</a>. Simpan kode di atas, atau cetak tanda
            terima ini dengan menu Cetak di peramban Anda.</p>
            </div>
            <section class="receipt" aria-labelledby="tanda-terima">
            <h2 id="tanda-terima">Tanda terima usulan</h2>
            <dl>
            <dt>Kode pelacakan</dt><dd><strong>\(proposal.trackingCode)</strong></dd>
            <dt>Judul</dt><dd>\(proposal.title)</dd>
            <dt>Lokasi</dt><dd>\(place)</dd>
            <dt>Perkiraan biaya</dt><dd>\(Rupiah.format(proposal.cost))</dd>
            <dt>Dikirim</dt><dd>\(WIBTime.format(proposal.submittedAt ?? proposal.createdAt))</dd>
            <dt>Lacak di</dt><dd>\(trackURL)</dd>
            </dl>
            </section>
            """
    }
}
