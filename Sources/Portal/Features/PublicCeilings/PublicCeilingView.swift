import Foundation
import Musrenbang

/// The public ceiling page: per level the formula (total, base share, each criterion's weight and pool), every area's
/// criteria inputs, and its computation (base part, criterion parts, their sum, the exact share, rounded down, the
/// largest-remainder bonus, the ceiling) with what it funds and what is left; then the OPD ceilings. The kelurahan one by
/// one only with their kecamatan chosen; the whole city's page sums them per kecamatan.
enum PublicCeilingView {
    struct Page {
        let cycle: Cycle
        /// The cycles of the same city (the cycle filter).
        let cycles: [Cycle]
        /// The city's kecamatan (the kecamatan filter).
        let kecamatan: [Kecamatan]
        /// The kecamatan whose kelurahan are shown one by one; nil: the whole city, the kelurahan summed per kecamatan.
        let area: Kecamatan?
        /// Nil while the ceilings are not public.
        let report: CeilingReport?

        /// This page narrowed to a kecamatan, at the kelurahan's tables.
        func kecamatanPath(_ id: KecamatanID) -> String {
            PublicCeilingPaths.page + RecapQuery(cycleId: cycle.id, kecamatanId: id).queryString + "#pagu-kelurahan"
        }
    }

    static func render(_ page: Page) -> HTML {
        let cycle = page.cycle
        let options = page.cycles.map { SelectOption(value: String($0.id.rawValue), text: $0.name) }
        let kecamatanOptions = page.kecamatan.map { SelectOption(value: String($0.id.rawValue), text: $0.name) }
        let subtitle: HTML = page.area.map { "<br><span class=\"subtitle\">Kecamatan \($0.name)</span>" } ?? .empty
        let header: HTML = """
            <h1>Pagu indikatif \(cycle.name)\(subtitle)</h1>
            <p class="lead">Pagu indikatif kewilayahan setiap kelurahan dan kecamatan untuk RKPD \(cycle.budgetYear): sebagian dibagi rata, sisanya menurut bobot kriteria (jumlah penduduk, luas wilayah, realisasi PBB, rumah tangga miskin), lalu dibulatkan sehingga jumlahnya tepat sama dengan total. Di bawah ini setiap angka perhitungannya, dan pagu perangkat daerah.</p>
            <form method="get" action="\(PublicCeilingPaths.page)" class="filters recap-filters">
            \(FormViews.select("siklus", label: "Siklus", placeholder: "Siklus berjalan", groups: [SelectGroup(label: nil, options: options)],
                               selected: String(cycle.id.rawValue), error: nil))
            \(FormViews.select("kecamatan", label: "Kelurahan di kecamatan", placeholder: "Seluruh kota (per kecamatan)",
                               groups: [SelectGroup(label: nil, options: kecamatanOptions)], selected: page.area.map { String($0.id.rawValue) }, error: nil))
            <p class="actions"><button type="submit" class="button secondary">Tampilkan</button></p>
            </form>
            """
        guard let report = page.report else {
            let opens = cycle.windows[.praMusrenbang].map { " mulai \(WIBTime.format($0.opensAt))" } ?? ""
            return header + """
                <div class="notice" role="status"><h2>Pagu belum diumumkan</h2>
                <p>Bappeda sedang menyiapkan pagu \(cycle.name). Pagu diumumkan saat Pra-Musrenbang RT/RW dibuka\(opens).</p></div>
                """
        }
        let levels = report.levels.map { level($0, page) }
        let missing: HTML = report.levels.isEmpty ? "<p>Pagu kelurahan dan kecamatan siklus ini belum dihitung.</p>" : .empty
        let opd: HTML = report.opd.isEmpty ? "<p>Pagu perangkat daerah belum ditetapkan.</p>" : """
            <div class="table-scroll" tabindex="0" role="region" aria-label="Pagu perangkat daerah">
            \(CeilingUseTable.render(caption: "Pagu Musrenbang setiap perangkat daerah", first: "Perangkat daerah",
                                     rows: report.opd.map { ($0.name, $0.amount, $0.resultsVisible ? $0.used : nil) }))
            </div>
            """
        return header + """
            \(missing)
            \(levels)
            <section aria-labelledby="pagu-opd">
            <h2 id="pagu-opd">Pagu perangkat daerah</h2>
            <p>Bagian anggaran setiap perangkat daerah untuk usulan Musrenbang yang diteruskan kepadanya, ditetapkan Bappeda. Terpakai: nilai usulan yang didanai dari pagu itu, diumumkan saat Musrenbang kota dibuka.</p>
            \(opd)
            </section>
            <p>Rekap usulan dan pemakaian pagu: <a href="\(RecapPaths.page)?siklus=\(cycle.id.rawValue)">rekap \(cycle.name)</a>.</p>
            """
    }

    static func levelWord(_ level: Level) -> String { level == .kecamatan ? "kecamatan" : "kelurahan" }

    private static func level(_ level: AreaCeilingLevel, _ page: Page) -> HTML {
        let word = levelWord(level.level)
        let id = "pagu-\(word)"
        let pools = level.pools
        let weightSum = CeilingCriterion.allCases.reduce(0) { $0 + level.formula.weight($1) }
        let n = level.areas.count
        let criterionRows = CeilingCriterion.allCases.map { criterion -> HTML in
            let weight = level.formula.weight(criterion)
            return """
                <tr><th scope="row">\(criterionName(criterion))</th><td class="num">\(weight)</td><td class="num">\(Percent.text(Int64(weight), of: Int64(weightSum)))</td>\
                <td class="num">\(Rupiah.format(pools.criteria[criterion] ?? 0))</td><td>menurut \(criterion.displayName); jumlah semua \(word): \(inputText(criterion, level.inputSum(criterion)))</td></tr>
                """
        }
        let stale: HTML = level.matchesInputs ? .empty : """
            <div class="notice" role="note"><p>Data kriteria atau pengaturan sudah berubah sesudah pagu ini dihitung\(level.computedAt.map { " (\(WIBTime.format($0)))" } ?? ""); \
            pagu yang berlaku tetap yang tertulis di bawah sampai Bappeda menghitungnya kembali.</p></div>
            """
        return """
            <section aria-labelledby="\(id)">
            <h2 id="\(id)">Pagu \(word)</h2>
            \(stale)
            <dl class="facts">
            <dt>Total pagu \(word)</dt><dd>\(Rupiah.format(level.total))</dd>
            <dt>Porsi dasar</dt><dd>\(CeilingSettingsForm.percentText(level.formula.baseShareBasisPoints))% dari total = \(Rupiah.format(pools.base)), dibagi rata ke \(n) \(word)</dd>
            <dt>Sisanya</dt><dd>dibagi menurut bobot kriteria: bagian wilayah = porsi kriteria × nilai wilayah ÷ jumlah nilai semua \(word)</dd>
            <dt>Pembulatan</dt><dd>ke kelipatan \(Rupiah.format(level.formula.roundingUnit)) dengan metode sisa terbesar: setiap bagian tepat dibulatkan ke bawah, lalu satuan yang tersisa diberikan satu per satu kepada sisa pembulatan terbesar, sehingga jumlah pagu tepat sama dengan total</dd>
            \(level.computedAt.map { "<dt>Dihitung</dt><dd>\(WIBTime.format($0))</dd>" as HTML } ?? .empty)
            </dl>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Bobot kriteria pagu \(word)">
            <table>
            <caption>Bobot kriteria pagu \(word)</caption>
            <thead><tr><th scope="col">Kriteria</th><th scope="col" class="num">Bobot</th><th scope="col" class="num">Bagian dari sisa</th><th scope="col" class="num">Porsi</th><th scope="col">Dibagi</th></tr></thead>
            <tbody>\(criterionRows)</tbody>
            </table>
            </div>
            \(areas(level, page))
            </section>
            """
    }

    /// Every kecamatan's inputs and computation; every kelurahan's only with its kecamatan chosen (a city of 150
    /// kelurahan in these two wide tables would pass the page budget of 100 KB), else their ceilings summed per kecamatan,
    /// each linked to its kelurahan.
    private static func areas(_ level: AreaCeilingLevel, _ page: Page) -> HTML {
        guard level.level == .kelurahan else { return inputsTable(level, place: nil) + computationTable(level, place: nil) }
        if let area = page.area {
            var narrowed = level
            narrowed.areas = level.areas.filter { $0.kecamatanId == area.id }
            let place = " di Kecamatan \(area.name)"
            return inputsTable(narrowed, place: place) + computationTable(narrowed, place: place)
        }
        let rows = page.kecamatan.map { kecamatan -> (name: String, amount: Int64, used: Int64?) in
            let members = level.areas.filter { $0.kecamatanId == kecamatan.id }
            let used: Int64? = members.allSatisfy(\.usage.resultsVisible) ? members.reduce(0) { $0 + $1.usage.used } : nil
            return (kecamatan.name, members.reduce(0) { $0 + $1.line.amount }, used)
        }
        return """
            <p>Data kriteria dan perhitungan setiap kelurahan ada pada halaman kecamatannya: pilih kecamatan pada tabel ini.</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Pagu kelurahan per kecamatan">
            \(CeilingUseTable.render(caption: "Pagu kelurahan per kecamatan (jumlah pagu semua kelurahannya)", first: "Kecamatan", rows: rows,
                                     links: page.kecamatan.map { page.kecamatanPath($0.id) }))
            </div>
            """
    }

    private static func inputsTable(_ level: AreaCeilingLevel, place: String?) -> HTML {
        let word = levelWord(level.level)
        let showsParent = level.level == .kelurahan
        let parent: HTML = showsParent ? "<th scope=\"col\">Kecamatan</th>" : .empty
        let rows = level.areas.map { area -> HTML in
            let cells = CeilingCriterion.allCases.map { "<td class=\"num\">\(inputText($0, area.input.value($0)))</td>" as HTML }
            return "<tr><th scope=\"row\">\(area.name)</th>\(showsParent ? "<td>\(area.kecamatanName ?? "")</td>" as HTML : .empty)\(cells)</tr>"
        }
        let sums = CeilingCriterion.allCases.map { "<td class=\"num\">\(inputText($0, level.inputSum($0)))</td>" as HTML }
        let headers = CeilingCriterion.allCases.map { "<th scope=\"col\" class=\"num\">\(criterionName($0))</th>" as HTML }
        return """
            <div class="table-scroll" tabindex="0" role="region" aria-label="Data kriteria setiap \(word)">
            <table class="ceiling-inputs">
            <caption>Data kriteria setiap \(word)\(place ?? "")\(level.level == .kecamatan ? " (jumlah data kelurahannya)" : "")</caption>
            <thead><tr><th scope="col">\(word.capitalized)</th>\(parent)\(headers)</tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th>\(showsParent ? "<td></td>" as HTML : .empty)\(sums)</tr></tfoot>
            </table>
            </div>
            """
    }

    private static func computationTable(_ level: AreaCeilingLevel, place: String?) -> HTML {
        let word = levelWord(level.level)
        func partsSum(_ line: CeilingLine) -> Int64 { line.basePart + line.criterionParts.values.reduce(0, +) }
        let rows = level.areas.map { area -> HTML in
            let line = area.line
            let parts = CeilingCriterion.allCases.map { "<td class=\"num\">\(Rupiah.format(line.criterionParts[$0] ?? 0))</td>" as HTML }
            let use: HTML = area.usage.resultsVisible
                ? "<td class=\"num\">\(Rupiah.format(area.usage.used))</td><td class=\"num\">\(Rupiah.format(area.usage.remaining))</td>"
                : "<td colspan=\"2\">Belum diumumkan</td>"
            return """
                <tr><th scope="row">\(area.name)</th><td class="num">\(Rupiah.format(line.basePart))</td>\(parts)<td class="num">\(Rupiah.format(partsSum(line)))</td>\
                <td class="num">\(exactRupiah(micros: line.exactShareMicros))</td><td class="num">\(Rupiah.format(line.roundedDown))</td>\
                <td class="num">\(Rupiah.format(line.remainderBonus))</td><td class="num"><strong>\(Rupiah.format(line.amount))</strong></td>\(use)</tr>
                """
        }
        func sum(_ value: (AreaCeiling) -> Int64) -> String { Rupiah.format(level.areas.reduce(0) { $0 + value($1) }) }
        let partSums = CeilingCriterion.allCases.map { criterion in
            "<td class=\"num\">\(sum { $0.line.criterionParts[criterion] ?? 0 })</td>" as HTML
        }
        let allVisible = level.areas.allSatisfy(\.usage.resultsVisible)
        let useSums: HTML = allVisible
            ? "<td class=\"num\">\(sum { $0.usage.used })</td><td class=\"num\">\(sum { $0.usage.remaining })</td>"
            : "<td colspan=\"2\">Belum diumumkan</td>"
        let headers = CeilingCriterion.allCases.map { "<th scope=\"col\" class=\"num\">Bagian \($0.displayName)</th>" as HTML }
        return """
            <div class="table-scroll" tabindex="0" role="region" aria-label="Perhitungan pagu setiap \(word)">
            <table class="ceiling-computation">
            <caption>Perhitungan pagu setiap \(word)\(place ?? "") (jumlah pagu \(Rupiah.format(level.amountSum)), total \(Rupiah.format(level.total)))</caption>
            <thead><tr><th scope="col">\(word.capitalized)</th><th scope="col" class="num">Porsi dasar</th>\(headers)<th scope="col" class="num">Jumlah bagian</th>\
            <th scope="col" class="num">Bagian tepat</th><th scope="col" class="num">Dibulatkan ke bawah</th><th scope="col" class="num">Tambahan sisa terbesar</th>\
            <th scope="col" class="num">Pagu</th><th scope="col" class="num">Terpakai</th><th scope="col" class="num">Sisa</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th><td class="num">\(sum { $0.line.basePart })</td>\(partSums)<td class="num">\(sum { partsSum($0.line) })</td>\
            <td></td><td class="num">\(sum { $0.line.roundedDown })</td><td class="num">\(sum { $0.line.remainderBonus })</td>\
            <td class="num"><strong>\(Rupiah.format(level.amountSum))</strong></td>\(useSums)</tr></tfoot>
            </table>
            </div>
            <p class="muted">Bagian setiap kriteria dan porsi dasar ditulis dibulatkan ke bawah ke rupiah; bagian tepat ditulis sampai sepersejuta rupiah. Pagu = dibulatkan ke bawah + tambahan sisa terbesar.</p>
            """
    }

    static func criterionName(_ criterion: CeilingCriterion) -> String {
        switch criterion {
        case .population: "Penduduk (jiwa)"
        case .area: "Luas (m²)"
        case .pbbRealisation: "Realisasi PBB"
        case .poorHouseholds: "Rumah tangga miskin"
        }
    }

    /// A criterion's value: rupiah for the PBB, otherwise a number with dots.
    static func inputText(_ criterion: CeilingCriterion, _ value: Int64) -> String {
        criterion == .pbbRealisation ? Rupiah.format(value) : Rupiah.groupDigits(UInt64(max(0, value)))
    }

    /// An exact share in millionths of a rupiah (decimal text, possibly beyond Int64) as rupiah with its decimals:
    /// "Rp 185.185.185,185185"; trailing zeros of the decimals are left out.
    static func exactRupiah(micros: String) -> String {
        let digits = micros.filter(\.isNumber)
        let padded = String(repeating: "0", count: max(0, 7 - digits.count)) + digits
        let whole = String(padded.dropLast(6)), fraction = String(padded.suffix(6))
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        let trimmed = fraction.reversed().drop { $0 == "0" }.reversed()
        return "Rp " + String(grouped.reversed()) + (trimmed.isEmpty ? "" : "," + String(trimmed))
    }
}
