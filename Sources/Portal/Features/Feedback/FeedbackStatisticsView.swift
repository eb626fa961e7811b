import Musrenbang

/// The statistics of feedback (`/saran/statistik`): what is complained about most, which categories need attention
/// (most still waiting, least answered), and three tables (by category, by the unit holding it, by kecamatan) with the
/// counts, the answered share and the median days to an answer. Tables only: readable without script, printed, and by
/// a screen reader.
enum FeedbackStatisticsView {
    static func render(_ statistics: FeedbackStatistics, years: [Int]) -> HTML {
        let yearLinks = ([nil] + years.map(Optional.some)).map { year -> HTML in
            let current: HTML = year == statistics.year ? " aria-current=\"page\"" : .empty
            let href = year.map { "\(FeedbackPaths.statistics)?tahun=\($0)" } ?? FeedbackPaths.statistics
            return "<li><a href=\"\(href)\"\(current)>\(year.map(String.init) ?? "Semua tahun")</a></li>"
        }
        let all = statistics.all
        let most: HTML = statistics.mostComplainedCategory.map {
            "<li>Pengaduan terbanyak: <strong>\($0.label)</strong> (\($0.complaints) pengaduan).</li>"
        } ?? "<li>Belum ada pengaduan.</li>"
        let attention = statistics.needingAttention.prefix(3).map { row -> HTML in
            "<li><strong>\(row.label)</strong>: \(row.waiting) menunggu jawaban, \(FeedbackWords.share(row.answered, of: row.total)) dijawab.</li>"
        }
        let attentionHTML: HTML = attention.isEmpty ? "<p>Tidak ada saran yang menunggu jawaban.</p>"
            : "<ol>\(attention)</ol>"
        return """
            <h1>Statistik saran dan pengaduan</h1>
            <nav aria-label="Tahun"><ul class="tabs">\(yearLinks)</ul></nav>
            <p class="lead">\(all.total) saran dan pengaduan\(statistics.year.map { " tahun \($0)" } ?? ""): \(all.answered) dijawab (\(FeedbackWords.share(all.answered, of: all.total))), \(all.waiting) menunggu jawaban; median waktu menjawab \(FeedbackWords.days(all.medianDaysToAnswer)).</p>
            <h2>Yang paling banyak dikeluhkan</h2>
            <ul>\(most)</ul>
            <h2>Bidang yang perlu mendapat perhatian</h2>
            <p>Kategori dengan saran paling banyak yang belum dijawab.</p>
            \(attentionHTML)
            \(table("Menurut kategori", first: "Kategori", statistics.byCategory))
            \(table("Menurut unit yang menangani", first: "Unit", statistics.byUnit))
            \(table("Menurut wilayah", first: "Wilayah", statistics.byArea))
            <p class="hint">Dijawab: sudah ada jawaban petugas (termasuk yang kemudian ditutup). Median waktu menjawab: dari saran dikirim sampai dijawab, setengah saran dijawab lebih cepat dari angka ini. Unit: unit yang memegang saran sekarang (yang menjawab, bila sudah dijawab).</p>
            <p><a href="\(FeedbackPaths.list)">Saran yang sudah dijawab</a> · <a href="\(FeedbackPaths.form)">Kirim saran atau pengaduan</a></p>
            """
    }

    static func table(_ caption: String, first: String, _ rows: [FeedbackStatistics.Row]) -> HTML {
        let body = rows.map { row -> HTML in
            """
            <tr><th scope="row">\(row.label)</th><td class="num">\(row.total)</td><td class="num">\(row.complaints)</td>\
            <td class="num">\(row.answered)</td><td class="num">\(FeedbackWords.share(row.answered, of: row.total))</td>\
            <td class="num">\(row.waiting)</td><td class="num">\(FeedbackWords.days(row.medianDaysToAnswer))</td></tr>
            """
        }
        return """
            <div class="table-scroll">
            <table>
            <caption>\(caption)</caption>
            <thead><tr><th scope="col">\(first)</th><th scope="col" class="num">Jumlah</th><th scope="col" class="num">Pengaduan</th><th scope="col" class="num">Dijawab</th><th scope="col" class="num">Dijawab (%)</th><th scope="col" class="num">Menunggu</th><th scope="col" class="num">Median waktu menjawab</th></tr></thead>
            <tbody>\(body)</tbody>
            </table>
            </div>
            """
    }
}
