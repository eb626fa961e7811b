import Musrenbang

/// `/kerja/berita-acara/cetak`: the berita acara as a document that prints on A4 (print CSS hides the site's frame):
/// its heading, the meeting's facts, the lists (F1 funded, F2 passed up, rejected with reasons), for the kecamatan the
/// priority list per OPD with the columns of Permendagri 86/2017 Tabel T-D.4, the delegates, and the signatures.
enum BeritaAcaraPrintView {
    static func render(_ situation: MeetingSituation, document: BeritaAcaraDocument) -> HTML {
        let ba = document.beritaAcara
        let details = document.details
        let facts: HTML = """
            <table class="doc-facts">
            <tr><th scope="row">Nomor</th><td>\(ba.documentNumber)</td></tr>
            \(details.map { d -> HTML in """
                <tr><th scope="row">Tanggal</th><td>\(d.meetingDate.displayText)</td></tr>
                <tr><th scope="row">Tempat</th><td>\(d.place)</td></tr>
                <tr><th scope="row">Pimpinan musyawarah</th><td>\(d.chair)</td></tr>
                """ } ?? .empty)
            <tr><th scope="row">Siklus</th><td>\(situation.cycle.name)</td></tr>
            </table>
            """
        let run = ba.finalRun
        let totals: HTML = run.map { r in
            "<p>Pagu yang dialokasikan \(Rupiah.format(r.envelopeAmount)); didanai \(Rupiah.format(r.fundedTotal)); sisa \(Rupiah.format(r.remaining)) (alokasi nomor \(r.runId)).</p>"
        } ?? "<p>Tidak ada usulan yang dialokasikan pada tingkat ini.</p>"
        let priority: HTML = situation.desk.level == .kecamatan ? priorityList(document) : .empty
        let delegates: HTML = details.map(BeritaAcaraView.delegateList) ?? .empty
        let chair = details?.chair ?? ""
        return """
            <p class="no-print back"><a href="\(MeetingPaths.beritaAcara)">Kembali ke berita acara</a> · Cetak halaman ini dengan menu Cetak peramban (Ctrl+P), kertas A4.</p>
            <article class="document">
            <h1 class="doc-title">Berita Acara<br>\(situation.meetingTitle)</h1>
            \(facts)
            <p>Musyawarah menyepakati daftar usulan di bawah ini menurut peringkat, pagu dan porsi kelompok yang berlaku.</p>
            \(totals)
            \(lines("A. Usulan yang didanai pagu \(situation.unitName) (F1)", document.funded, empty: "Tidak ada."))
            \(lines("B. Usulan yang diteruskan ke tingkat berikutnya (F2)", document.passedUp, empty: "Tidak ada."))
            \(lines("C. Usulan yang ditolak, dengan alasannya", document.rejected, empty: "Tidak ada.", rejected: true))
            \(priority)
            \(delegates)
            <table class="signatures"><tr>
            <td><p>Pimpinan musyawarah</p><p class="sign-space"></p><p>\(chair.isEmpty ? "(....................)" : chair)</p></td>
            <td><p>\(ba.signedBy)</p><p class="sign-space"></p><p>(....................)</p></td>
            </tr></table>
            <p class="muted">Dicatat di e-Musrenbang \(WIBTime.format(ba.lockedAt)).</p>
            </article>
            """
    }

    private static func lines(_ title: String, _ list: [BeritaAcaraDocument.Line], empty: String, rejected: Bool = false) -> HTML {
        guard !list.isEmpty else { return "<h2>\(title)</h2><p>\(empty)</p>" }
        let rows = list.enumerated().map { index, line -> HTML in
            """
            <tr><td class="num">\(rejected ? String(index + 1) : (line.rank.map(String.init) ?? "–"))</td><td><span class="code">\(line.code.description)</span><br>\(line.title)</td>\
            <td>\(line.location)</td><td class="num">\(Rupiah.format(line.cost))</td><td>\(line.reason)</td></tr>
            """
        }
        return """
            <h2>\(title)</h2>
            <table class="doc-table"><thead><tr><th scope="col" class="num">\(rejected ? "No." : "Peringkat")</th><th scope="col">Usulan</th><th scope="col">Lokasi</th><th scope="col" class="num">Biaya</th><th scope="col">\(rejected ? "Alasan penolakan" : "Keterangan")</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    /// Permendagri 86/2017 Tabel T-D.4: priority, program/activity, location, volume, budget, responsible OPD, per OPD.
    private static func priorityList(_ document: BeritaAcaraDocument) -> HTML {
        let groups = document.priorityByOPD
        guard !groups.isEmpty else { return .empty }
        let tables = groups.map { group -> HTML in
            let rows = group.lines.enumerated().map { index, line -> HTML in
                """
                <tr><td class="num">\(index + 1)</td><td>\(line.activity)<br><span class="muted">\(line.title) (\(line.code.description))</span></td>\
                <td>\(line.location)</td><td class="num">\(line.volumeText)</td><td class="num">\(Rupiah.format(line.cost))</td><td>\(line.opd)</td></tr>
                """
            }
            return """
                <h3>Perangkat Daerah \(group.opd.isEmpty ? "-" : group.opd)</h3>
                <table class="doc-table"><thead><tr><th scope="col" class="num">Prioritas</th><th scope="col">Program/Kegiatan</th><th scope="col">Lokasi</th><th scope="col" class="num">Volume</th><th scope="col" class="num">Pagu Indikatif</th><th scope="col">Perangkat Daerah Penanggung Jawab</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        }
        return "<section class=\"page-break\"><h2>D. Daftar prioritas usulan kecamatan per Perangkat Daerah (Tabel T-D.4)</h2>\(tables)</section>"
    }
}
