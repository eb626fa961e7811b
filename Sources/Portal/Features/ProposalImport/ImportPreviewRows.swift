import Musrenbang

/// The rows of an import preview, kept small for a large file: every row with a problem in full (the operator must
/// find and fix each), and the first `readyShown` ready rows as a compact sample with a note, so that the preview of
/// 1,000 rows stays well under the 100 KB page budget (all ready rows are still imported).
enum ImportPreviewRows {
    /// Ready rows shown; the rest are counted in the note.
    static let readyShown = 100

    /// The summary line: rows, rows with problems, total cost of the ready rows.
    static func summary(_ plan: ImportPlan) -> HTML {
        let ready = plan.rows.filter(\.problems.isEmpty)
        let total = ready.reduce(Int64(0)) { $0 + ($1.cost ?? 0) }
        let troubled = plan.rows.count - ready.count
        return """
            <ul class="plain"><li>Baris usulan: <strong>\(Rupiah.groupDigits(UInt64(plan.rows.count)))</strong></li>
            <li>Baris bermasalah: <strong>\(Rupiah.groupDigits(UInt64(troubled)))</strong></li>
            <li>Total biaya baris yang siap: <strong>\(Rupiah.format(total))</strong></li></ul>
            """
    }

    /// The rows with problems, each with its notes; empty when there is none.
    static func problemTable(_ plan: ImportPlan, fileName: String) -> HTML {
        let rows = plan.rows.filter { !$0.problems.isEmpty }.map { row -> HTML in
            let notes = row.problems.map { problem -> HTML in
                "<li>\(problem.column.map { "Kolom \($0): " } ?? "")\(problem.message)</li>"
            }
            return """
                <tr id="baris-\(row.line)" class="has-error"><td class="num">\(row.line)</td><td>\(row.place)</td>
                <td>\(row.values[.proposerName] ?? "")</td><td>\(row.kamusName)</td><td class="num">\(row.values[.volume] ?? "")</td>
                <td class="num">\(row.cost.map(Rupiah.format) ?? "")</td><td>\(row.values[.judul] ?? "")</td>
                <td><ul class="plain field-error">\(notes)</ul></td></tr>
                """
        }
        guard !rows.isEmpty else { return .empty }
        return """
            <div class="table-scroll" tabindex="0" role="region" aria-label="Baris bermasalah di \(fileName)">
            <table><caption>Baris yang perlu diperbaiki (\(rows.count))</caption>
            <thead><tr><th scope="col">Baris</th><th scope="col">RT/RW</th><th scope="col">Pengusul</th><th scope="col">Kegiatan</th>
            <th scope="col">Volume</th><th scope="col">Biaya</th><th scope="col">Judul</th><th scope="col">Catatan</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
    }

    /// The first `readyShown` ready rows, one short line each, with a note when there are more.
    static func readyTable(_ plan: ImportPlan, fileName: String) -> HTML {
        let ready = plan.rows.filter(\.problems.isEmpty)
        guard !ready.isEmpty else { return .empty }
        let rows = ready.prefix(readyShown).map { row -> HTML in
            "<tr><td class=\"num\">\(row.line)</td><td>\(row.place)</td><td>\(row.values[.proposerName] ?? "")</td><td>\(row.kamusName)</td>"
                + "<td class=\"num\">\(row.values[.volume] ?? "")</td><td class=\"num\">\(row.cost.map(Rupiah.format) ?? "")</td>"
                + "<td>\(row.values[.judul] ?? "")</td></tr>\n"
        }
        let caption: HTML = ready.count > readyShown
            ? "Baris yang siap: \(readyShown) pertama dari \(Rupiah.groupDigits(UInt64(ready.count)))"
            : "Baris yang siap (\(ready.count))"
        let note: HTML = ready.count > readyShown
            ? "<p class=\"hint\">Hanya \(readyShown) baris pertama yang ditampilkan agar halaman tetap ringan; semua "
                + "\(Rupiah.groupDigits(UInt64(ready.count))) baris yang siap ikut diperiksa dan diimpor.</p>"
            : .empty
        return """
            <div class="table-scroll" tabindex="0" role="region" aria-label="Baris yang siap di \(fileName)">
            <table><caption>\(caption)</caption>
            <thead><tr><th scope="col">Baris</th><th scope="col">RT/RW</th><th scope="col">Pengusul</th><th scope="col">Kegiatan</th>
            <th scope="col">Volume</th><th scope="col">Biaya</th><th scope="col">Judul</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            \(note)
            """
    }
}
