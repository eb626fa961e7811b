import Musrenbang

/// `/kerja/alokasi`: "Jalankan alokasi" and the latest run: the ceiling used and left, the group shares used, F1 (funded
/// inside the envelope) and F2 (passed up), each decision with its reason, a page of each list at a time (`AllocationPages`).
enum AllocationView {
    static func render(_ situation: MeetingSituation, sheet: AllocationSheet, pages: AllocationPages = AllocationPages(), csrfToken: String,
                       notice: RefusalNotice? = nil) -> HTML {
        let runButton: HTML = situation.canAct ? """
            <form method="post" action="\(MeetingPaths.allocation)" class="run">
            \(FormViews.csrf(csrfToken))
            <p class="actions"><button type="submit" class="button">\(sheet.run == nil ? "Jalankan alokasi" : "Jalankan alokasi lagi")</button></p>
            </form>
            """ : .empty
        let head: HTML = """
            <p class="back"><a href="\(MeetingPaths.scoring)">Penilaian dan peringkat</a> · <a href="\(MeetingPaths.beritaAcara)">Berita acara</a></p>
            <h1>Alokasi pagu</h1>
            <p class="lead">\(situation.meetingTitle), \(situation.cycle.name). Menurut peringkat, usulan didanai bila biayanya muat dalam sisa pagu dan porsi kelompoknya; yang tidak muat diteruskan ke tingkat berikutnya (F2). Alokasi dapat dijalankan lagi sampai berita acara ditandatangani.</p>
            \(notice?.html ?? .empty)\(situation.closedNotice)\(runButton)
            """
        guard let run = sheet.run else {
            return head + "<p class=\"empty\">Alokasi belum pernah dijalankan untuk pagu ini.</p>"
        }
        let f1 = DecisionPage(sheet.funded, page: pages.f1), f2 = DecisionPage(sheet.passedUp, page: pages.f2)
        let shown = AllocationPages(f1: f1.page, f2: f2.page)
        return head + sheet.outdatedNotice + summary(run, sheet: sheet) + shares(sheet)
            + decisions("F1: didanai pagu \(situation.unitName)", id: "f1", f1, pages: shown, empty: "Tidak ada usulan yang muat dalam pagu.")
            + decisions("F2: diteruskan ke tingkat berikutnya", id: "f2", f2, pages: shown, empty: "Semua usulan muat dalam pagu.")
            + (situation.canAct ? "<p><a class=\"button secondary\" href=\"\(MeetingPaths.beritaAcara)\">Lanjut ke berita acara</a></p>" : .empty)
    }

    static func summary(_ run: AllocationRunView, sheet: AllocationSheet) -> HTML {
        let ceiling: HTML = sheet.ceiling.map { "<dt>Pagu</dt><dd>\(Rupiah.format($0))</dd>" } ?? .empty
        let before: HTML = (sheet.ceiling.map { $0 != run.envelopeAmount } ?? false)
            ? "<dt>Tersedia untuk alokasi</dt><dd>\(Rupiah.format(run.envelopeAmount)) <span class=\"muted\">(sebagian sudah didanai lewat koreksi Bappeda)</span></dd>"
            : .empty
        return """
            <h2>Hasil alokasi nomor \(run.runId)</h2>
            <p class="muted">Dijalankan \(WIBTime.format(run.runAt)).</p>
            <dl class="facts totals">
            \(ceiling)\(before)
            <dt>Terpakai (F1, \(Rupiah.groupDigits(UInt64(sheet.funded.count))) usulan)</dt><dd>\(Rupiah.format(run.fundedTotal))</dd>
            <dt>Sisa pagu</dt><dd>\(Rupiah.format(run.remaining))</dd>
            <dt>Diteruskan (F2)</dt><dd>\(Rupiah.groupDigits(UInt64(sheet.passedUp.count))) usulan, \(Rupiah.format(sheet.passedUp.reduce(0) { $0 + $1.cost }))</dd>
            </dl>
            """
    }

    static func shares(_ sheet: AllocationSheet) -> HTML {
        guard !sheet.shares.isEmpty else { return "<p class=\"muted\">Tidak ada porsi kelompok (fisik, non-fisik, bidang) untuk pagu ini.</p>" }
        let rows = sheet.shares.map { share -> HTML in
            let kind = share.bound == .maximum ? "paling banyak" : "paling sedikit (cadangan)"
            return "<tr><td>\(share.label)</td><td><span class=\"cell-label\">Batas </span>\(kind)</td><td class=\"num\"><span class=\"cell-label\">Porsi </span>\(Rupiah.format(share.amount))</td><td class=\"num\"><span class=\"cell-label\">Terpakai </span>\(Rupiah.format(share.used))</td></tr>"
        }
        return """
            <table class="stack shares"><caption>Porsi kelompok</caption>
            <thead><tr><th scope="col">Kelompok</th><th scope="col">Batas</th><th scope="col" class="num">Porsi</th><th scope="col" class="num">Terpakai</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    /// One list's page of decisions, with the way to its other pages and to the printable berita acara that lists all.
    static func decisions(_ title: String, id: String, _ list: DecisionPage, pages: AllocationPages, empty: String) -> HTML {
        guard list.total > 0 else { return "<h2 id=\"\(id)\">\(title)</h2><p class=\"empty\">\(empty)</p>" }
        let rows = list.decisions.map { d -> HTML in
            """
            <tr><td class="num"><span class="cell-label">Peringkat </span>\(d.rank.map(String.init) ?? "–")</td><td><span class="code">\(d.trackingCode.description)</span> \(d.title)</td>\
            <td class="num"><span class="cell-label">Biaya </span>\(Rupiah.format(d.cost))</td><td><span class="cell-label">Alasan: </span>\(d.reason)</td></tr>
            """
        }
        let pager = PaginationView.render(page: list.page, of: list.pageCount, label: "Halaman daftar \(id.uppercased())") {
            pages.address(id, page: $0)
        }
        let range: HTML = list.range.map { """
            <p class="muted">\($0) Daftar lengkap ada di <a href="\(MeetingPaths.print)">berita acara untuk dicetak</a>.</p>
            """ } ?? .empty
        return """
            <h2 id="\(id)">\(title)</h2>
            \(range)
            <table class="stack decisions-table">
            <thead><tr><th scope="col" class="num">Peringkat</th><th scope="col">Usulan</th><th scope="col" class="num">Biaya</th><th scope="col">Alasan</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(pager)
            """
    }
}
