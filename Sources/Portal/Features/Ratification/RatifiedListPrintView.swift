import Foundation
import Musrenbang

/// `/kerja/penetapan/cetak`: the kota's final list as a document that prints on A4 for the mayor's meeting (print CSS
/// hides the site's frame): the totals, the ratified proposals per OPD in the columns of Permendagri 86/2017 Tabel
/// T-D.4 with each OPD's subtotal, those not ratified with the reason, and the signature. While proposals still wait,
/// or before the kota's berita acara locks the result, it says it is a draft.
enum RatifiedListPrintView {
    static func render(_ document: RatifiedListDocument, cityName: String, printedAt: Date) -> HTML {
        let draft: HTML = document.waiting > 0 || !document.kotaLocked
            ? """
              <p class="doc-draft"><strong>DRAF</strong>: \(document.waiting > 0 ? "masih ada \(document.waiting) usulan yang menunggu penetapan" : "hasil kota belum dikunci dengan berita acara"); daftar ini dapat berubah.</p>
              """
            : .empty
        return """
            <p class="no-print back"><a href="\(RatificationPaths.list)">Kembali ke daftar penetapan</a> · Cetak halaman ini dengan menu Cetak peramban (Ctrl+P), kertas A4.</p>
            <article class="document">
            <h1 class="doc-title">Daftar Hasil Penetapan Musrenbang<br>\(cityName)</h1>
            <p class="doc-subtitle">\(document.cycle.name)</p>
            \(draft)
            <table class="doc-facts">
            <tr><th scope="row">Usulan ditetapkan</th><td>\(document.ratified.count) usulan, \(Rupiah.format(document.ratifiedTotal))</td></tr>
            <tr><th scope="row">Tidak ditetapkan</th><td>\(document.notRatified.count) usulan</td></tr>
            <tr><th scope="row">Menunggu penetapan</th><td>\(document.waiting) usulan</td></tr>
            </table>
            <h2>A. Usulan yang ditetapkan per Perangkat Daerah (Tabel T-D.4)</h2>
            \(document.ratified.isEmpty ? "<p>Belum ada usulan yang ditetapkan.</p>" : HTML.join(document.byOPD.map(opdTable)))
            \(notRatified(document.notRatified))
            <table class="signatures"><tr>
            <td></td>
            <td><p>Kepala Bappeda \(cityName)</p><p class="sign-space"></p><p>(....................)</p></td>
            </tr></table>
            <p class="muted">Dicetak dari e-Musrenbang \(WIBTime.format(printedAt)).</p>
            </article>
            """
    }

    private static func opdTable(_ group: (opd: String, lines: [RatifiedListDocument.Line], total: Int64)) -> HTML {
        let rows = group.lines.enumerated().map { index, line -> HTML in
            """
            <tr><td class="num">\(index + 1)</td><td>\(line.activity)<br><span class="muted">\(line.title) (\(line.code.description))</span></td>\
            <td>\(line.location)</td><td class="num">\(line.volumeText)</td><td class="num">\(Rupiah.format(line.cost))</td><td>\(line.opd)</td></tr>
            """
        }
        return """
            <h3>Perangkat Daerah \(group.opd.isEmpty ? "-" : group.opd)</h3>
            <table class="doc-table"><thead><tr><th scope="col" class="num">Prioritas</th><th scope="col">Program/Kegiatan</th><th scope="col">Lokasi</th><th scope="col" class="num">Volume</th><th scope="col" class="num">Pagu Indikatif</th><th scope="col">Perangkat Daerah Penanggung Jawab</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row" colspan="4">Jumlah \(group.opd.isEmpty ? "-" : group.opd)</th><td class="num">\(Rupiah.format(group.total))</td><td></td></tr></tfoot></table>
            """
    }

    private static func notRatified(_ lines: [RatifiedListDocument.Line]) -> HTML {
        guard !lines.isEmpty else { return "<h2>B. Usulan yang tidak ditetapkan</h2><p>Tidak ada.</p>" }
        let rows = lines.enumerated().map { index, line -> HTML in
            """
            <tr><td class="num">\(index + 1)</td><td><span class="code">\(line.code.description)</span><br>\(line.title)</td>\
            <td>\(line.location)</td><td class="num">\(Rupiah.format(line.cost))</td><td>\(line.reason)</td></tr>
            """
        }
        return """
            <h2>B. Usulan yang tidak ditetapkan, dengan alasannya</h2>
            <table class="doc-table"><thead><tr><th scope="col" class="num">No.</th><th scope="col">Usulan</th><th scope="col">Lokasi</th><th scope="col" class="num">Biaya</th><th scope="col">Alasan</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }
}
