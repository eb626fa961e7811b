import Musrenbang

/// Ceilings with what they fund, what is left and the share used, with the sums; a row whose use is not public yet
/// says so instead (the recap's and the ceiling page's envelopes).
enum CeilingUseTable {
    /// `used` is nil where it is not public yet.
    /// `links`, when given, one per row: where each row's name leads.
    static func render(caption: String, first: String, rows: [(name: String, amount: Int64, used: Int64?)], links: [String]? = nil) -> HTML {
        let body = rows.enumerated().map { index, row -> HTML in
            let name: HTML = links.map { "<a href=\"\($0[index])\">\(row.name)</a>" } ?? HTML.text(row.name)
            guard let used = row.used else {
                return "<tr><th scope=\"row\">\(name)</th><td class=\"num\">\(Rupiah.format(row.amount))</td><td colspan=\"3\">Belum diumumkan</td></tr>"
            }
            return """
                <tr><th scope="row">\(name)</th><td class="num">\(Rupiah.format(row.amount))</td><td class="num">\(Rupiah.format(used))</td>\
                <td class="num">\(Rupiah.format(row.amount - used))</td><td class="num">\(Percent.text(used, of: row.amount))</td></tr>
                """
        }
        let amount = rows.reduce(Int64(0)) { $0 + $1.amount }
        let allPublic = rows.allSatisfy { $0.used != nil }
        let used = rows.reduce(Int64(0)) { $0 + ($1.used ?? 0) }
        let sums: HTML = allPublic
            ? "<td class=\"num\">\(Rupiah.format(used))</td><td class=\"num\">\(Rupiah.format(amount - used))</td><td class=\"num\">\(Percent.text(used, of: amount))</td>"
            : "<td colspan=\"3\">Sebagian belum diumumkan</td>"
        return """
            <table class="recap">
            <caption>\(caption)</caption>
            <thead><tr><th scope="col">\(first)</th><th scope="col" class="num">Pagu</th><th scope="col" class="num">Terpakai</th><th scope="col" class="num">Sisa</th><th scope="col" class="num">Terpakai (%)</th></tr></thead>
            <tbody>\(body)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th><td class="num">\(Rupiah.format(amount))</td>\(sums)</tr></tfoot>
            </table>
            """
    }
}
