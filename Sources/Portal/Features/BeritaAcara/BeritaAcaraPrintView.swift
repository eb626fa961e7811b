import Musrenbang

/// `/kerja/berita-acara/cetak`: the berita acara as a document that prints on A4 (print CSS hides the site's frame):
/// its heading, the meeting's facts, the lists (F1 funded, F2 passed up, rejected with reasons), for the kecamatan the
/// priority list per OPD with the columns of Permendagri 86/2017 Tabel T-D.4, the delegates, and the signatures.
/// Before signing the same document is the draft of the latest run, marked "DRAF - belum ditandatangani" on screen and
/// on every printed page, with blanks where the signed one has its number, date, place and chair.
enum BeritaAcaraPrintView {
    static let draftMark = "DRAF - belum ditandatangani"

    static func render(_ situation: MeetingSituation, document: BeritaAcaraDocument, runChanges: [String] = []) -> HTML {
        let ba = document.beritaAcara
        let details = document.details
        let blank = "...................."
        let facts: HTML = """
            <table class="doc-facts">
            <tr><th scope="row">Nomor</th><td>\(ba?.documentNumber ?? blank)</td></tr>
            <tr><th scope="row">Tanggal</th><td>\(details?.meetingDate.displayText ?? blank)</td></tr>
            <tr><th scope="row">Tempat</th><td>\(details?.place ?? blank)</td></tr>
            <tr><th scope="row">Pimpinan musyawarah</th><td>\(details?.chair ?? blank)</td></tr>
            <tr><th scope="row">Siklus</th><td>\(situation.cycle.name)</td></tr>
            </table>
            """
        let totals: HTML = document.run.map { r in
            "<p>Pagu yang dialokasikan \(Rupiah.format(r.envelopeAmount)); didanai \(Rupiah.format(r.fundedTotal)); sisa \(Rupiah.format(r.remaining)) (alokasi nomor \(r.runId)).</p>"
        } ?? "<p>Tidak ada usulan yang dialokasikan pada tingkat ini.</p>"
        let priority: HTML = situation.desk.level == .kecamatan ? priorityList(document) : .empty
        let delegates: HTML = details.map(BeritaAcaraView.delegateList) ?? .empty
        let chair = details?.chair ?? ""
        let signer = ba?.signedBy ?? situation.desk.actor.role.displayName
        let draft: HTML = document.isDraft ? draftNotice(situation, document: document, runChanges: runChanges) : .empty
        let mark: HTML = document.isDraft ? " data-mark=\"\(draftMark)\"" : .empty
        let recorded: HTML = ba.map { "<p class=\"muted\">Dicatat di e-Musrenbang \(WIBTime.format($0.lockedAt)).</p>" } ?? .empty
        return """
            <p class="no-print back"><a href="\(MeetingPaths.beritaAcara)">Kembali ke berita acara</a> · Cetak halaman ini dengan menu Cetak peramban (Ctrl+P), kertas A4.</p>
            <article class="document\(document.isDraft ? " draft" : "")"\(mark)>
            \(draft)
            <h1 class="doc-title">\(document.isDraft ? "Draf " : "")Berita Acara<br>\(situation.meetingTitle)</h1>
            \(facts)
            <p>Musyawarah menyepakati daftar usulan di bawah ini menurut peringkat, pagu dan porsi kelompok yang berlaku.</p>
            \(totals)
            \(lines("A. Usulan yang didanai pagu \(situation.unitName) (F1)", document.funded, empty: "Tidak ada."))
            \(lines("B. Usulan yang diteruskan ke tingkat berikutnya (F2)", document.passedUp, empty: "Tidak ada."))
            \(lines("C. Usulan yang ditolak, dengan alasannya", document.rejected, empty: "Tidak ada.", rejected: true))
            \(priority)
            \(delegates)
            <table class="signatures"><tr>
            <td><p>Pimpinan musyawarah</p><p class="sign-space"></p><p>\(chair.isEmpty ? "(\(blank))" : chair)</p></td>
            <td><p>\(signer)</p><p class="sign-space"></p><p>(\(blank))</p></td>
            </tr></table>
            \(recorded)
            </article>
            """
    }

    /// The draft's marking at its top: what it is, which run it shows, and (on screen only) what changed since.
    private static func draftNotice(_ situation: MeetingSituation, document: BeritaAcaraDocument, runChanges: [String]) -> HTML {
        let run: HTML = document.run.map { "hasil alokasi nomor \($0.runId) (dijalankan \(WIBTime.format($0.runAt)))" } ?? "belum ada hasil alokasi"
        let changed: HTML = runChanges.isEmpty ? .empty : """
            <div class="notice no-print" role="status"><h2>Data berubah sejak alokasi ini dijalankan</h2>
            <p>\(runChanges.joined(separator: "; ")).</p><p>Jalankan alokasi lagi sebelum berita acara ditandatangani.</p></div>
            """
        return """
            <p class="doc-draft draft-mark"><strong>\(draftMark)</strong>: rancangan untuk dibaca musyawarah, memuat \(run). \
            Daftar ini dapat berubah sampai berita acara ditandatangani.</p>
            \(changed)
            """
    }

    private static func lines(_ title: String, _ list: [BeritaAcaraDocument.Line], empty: String, rejected: Bool = false) -> HTML {
        guard !list.isEmpty else { return "<h2>\(title)</h2><p>\(empty)</p>" }
        let rows = list.enumerated().map { index, line -> HTML in
            """
            <tr><td class="num"><span class="cell-label">\(rejected ? "No. " : "Peringkat ")</span>\(rejected ? String(index + 1) : (line.rank.map(String.init) ?? "–"))</td>\
            <td><span class="code">\(line.code.description)</span><br>\(line.title)</td><td><span class="cell-label">Lokasi: </span>\(line.location)</td>\
            <td class="num"><span class="cell-label">Biaya </span>\(Rupiah.format(line.cost))</td>\
            <td><span class="cell-label">\(rejected ? "Alasan penolakan: " : "Keterangan: ")</span>\(line.reason)</td></tr>
            """
        }
        return """
            <h2>\(title)</h2>
            <table class="doc-table stack"><thead><tr><th scope="col" class="num">\(rejected ? "No." : "Peringkat")</th><th scope="col">Usulan</th><th scope="col">Lokasi</th><th scope="col" class="num">Biaya</th><th scope="col">\(rejected ? "Alasan penolakan" : "Keterangan")</th></tr></thead>
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
                <tr><td class="num"><span class="cell-label">Prioritas </span>\(index + 1)</td>\
                <td>\(line.activity)<br><span class="muted">\(line.title) (\(line.code.description))</span></td>\
                <td><span class="cell-label">Lokasi: </span>\(line.location)</td><td class="num"><span class="cell-label">Volume </span>\(line.volumeText)</td>\
                <td class="num"><span class="cell-label">Pagu indikatif </span>\(Rupiah.format(line.cost))</td>\
                <td><span class="cell-label">Penanggung jawab: </span>\(line.opd)</td></tr>
                """
            }
            return """
                <h3>Perangkat Daerah \(group.opd.isEmpty ? "-" : group.opd)</h3>
                <table class="doc-table stack"><thead><tr><th scope="col" class="num">Prioritas</th><th scope="col">Program/Kegiatan</th><th scope="col">Lokasi</th><th scope="col" class="num">Volume</th><th scope="col" class="num">Pagu Indikatif</th><th scope="col">Perangkat Daerah Penanggung Jawab</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        }
        return "<section class=\"page-break\"><h2>D. Daftar prioritas usulan kecamatan per Perangkat Daerah (Tabel T-D.4)</h2>\(tables)</section>"
    }
}
