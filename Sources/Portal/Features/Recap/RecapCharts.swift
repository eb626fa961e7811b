import Musrenbang

/// The recap's three charts, each beside the table of its numbers: the funnel from submitted to ratified, the use of
/// the area ceilings, and the shares by bidang.
enum RecapCharts {
    // MARK: Funnel

    static func funnel(_ recap: CycleRecap) -> HTML {
        let steps = recap.funnel
        let first = steps.first?.tally.count ?? 0
        let chart = FunnelChart(
            id: "grafik-alur", title: "Alur usulan dari diajukan sampai ditetapkan",
            description: "Jumlah usulan yang mencapai setiap tahap; angka lengkap ada pada tabel di sampingnya.",
            steps: steps.map { step in
                FunnelChart.Step(label: stepName(step.step), count: step.tally.count,
                                 note: "\(RecapView.count(step.tally.count)) usulan (\(Percent.text(step.tally.count, of: first))), \(Rupiah.short(step.tally.effectiveCost))")
            })
        let rows = steps.map { step -> HTML in
            """
            <tr><th scope="row">\(stepName(step.step))</th><td class="num">\(RecapView.count(step.tally.count))</td>\
            <td class="num">\(Percent.text(step.tally.count, of: first))</td><td class="num">\(Rupiah.format(step.tally.effectiveCost))</td></tr>
            """
        }
        let table: HTML = """
            <table>
            <caption>Alur usulan</caption>
            <thead><tr><th scope="col">Tahap</th><th scope="col" class="num">Usulan</th><th scope="col" class="num">Dari yang diajukan</th><th scope="col" class="num">Nilai berlaku</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        return """
            <section aria-labelledby="alur">
            <h2 id="alur">Alur usulan</h2>
            <p>Setiap tahap menghitung usulan yang sampai ke sana: lolos verifikasi kelurahan (apa pun keputusan sesudahnya), didanai pagu kelurahan, kecamatan atau perangkat daerah, lalu ditetapkan dalam RKPD.</p>
            \(ChartFigure.render(chart.svg, caption: "Alur usulan \(recap.cycle.name)", table: table, tableLabel: "Tabel alur usulan"))
            </section>
            """
    }

    static func stepName(_ step: FunnelStep) -> String {
        switch step {
        case .submitted: "Diajukan"
        case .acceptedByKelurahan: "Lolos verifikasi kelurahan"
        case .funded: "Didanai pagu"
        case .ratified: "Ditetapkan dalam RKPD"
        }
    }

    // MARK: Ceilings

    /// One area's envelopes together: the ceiling, and what they fund where it is public (nil: not yet).
    struct AreaUse {
        let name: String
        var amount: Int64 = 0
        var used: Int64 = 0
        var hidden = false
    }

    /// The whole city: one bar per kecamatan for its own envelope and its kelurahan's together. Narrowed to a
    /// kecamatan: its own envelope, then each kelurahan's.
    static func areaUse(_ recap: CycleRecap) -> [AreaUse] {
        let kelurahan = recap.ceilings[.kelurahan] ?? [], kecamatan = recap.ceilings[.kecamatan] ?? []
        func add(_ usage: CeilingUsage, to area: inout AreaUse) {
            area.amount += usage.amount
            area.used += usage.used
            if !usage.resultsVisible { area.hidden = true }
        }
        if recap.kecamatan != nil {
            return (kecamatan + kelurahan).map { usage in
                var area = AreaUse(name: usage.envelope.level == .kecamatan ? "Pagu Kecamatan \(usage.name)" : "Kelurahan \(usage.name)")
                add(usage, to: &area)
                return area
            }
        }
        var areas: [KecamatanID: AreaUse] = [:]
        for usage in kecamatan {
            guard case .kecamatan(let id) = usage.envelope else { continue }
            add(usage, to: &areas[id, default: AreaUse(name: usage.name)])
        }
        for usage in kelurahan {
            guard case .kelurahan(let id) = usage.envelope, let parent = recap.kecamatanOfKelurahan[id] else { continue }
            add(usage, to: &areas[parent, default: AreaUse(name: "")])
        }
        return areas.values.sorted { $0.name < $1.name }
    }

    static func ceilings(_ recap: CycleRecap) -> HTML {
        let areas = areaUse(recap)
        guard !areas.isEmpty else {
            return "<section aria-labelledby=\"pagu\"><h2 id=\"pagu\">Pemakaian pagu</h2><p>Pagu siklus ini belum dihitung.</p></section>"
        }
        let chart = BarChart(
            id: "grafik-pagu", title: "Pemakaian pagu per wilayah",
            description: "Untuk setiap wilayah, pagu (batang bergaris tepi) dan bagian yang sudah terpakai (batang hijau penuh); angka lengkap ada pada tabel di sampingnya.",
            series: [BarChart.Series(name: "Pagu", fill: .outline), BarChart.Series(name: "Terpakai", fill: .solid)],
            rows: areas.map { area in
                BarChart.Row(label: area.name, values: [area.amount, area.hidden ? nil : area.used],
                             note: area.hidden ? "pagu \(Rupiah.short(area.amount)), pemakaian belum diumumkan"
                                 : "\(Rupiah.short(area.used)) dari \(Rupiah.short(area.amount)) (\(Percent.text(area.used, of: area.amount)))")
            },
            layout: .overlaid)
        let caption = recap.kecamatan == nil
            ? "Pagu kewilayahan per kecamatan: pagu kecamatan ditambah pagu semua kelurahannya."
            : "Pagu kecamatan dan pagu setiap kelurahannya."
        let table = CeilingUseTable.render(caption: "Pemakaian pagu per wilayah", first: "Wilayah",
                               rows: areas.map { ($0.name, $0.amount, $0.hidden ? nil : $0.used) })
        var details: [HTML] = []
        if recap.kecamatan == nil {
            // Each kelurahan's ceiling and use is on its kecamatan's recap (the chart's table there), as its other figures.
            details.append("<p>Pagu dan pemakaian setiap kelurahan: pada rekap kecamatannya (<a href=\"#rekap-kelurahan\">pilih kecamatan</a>).</p>")
            for (level, title) in [(Level.kecamatan, "Pagu kecamatan"), (.opd, "Pagu perangkat daerah")] {
                let usages = recap.ceilings[level] ?? []
                guard !usages.isEmpty else { continue }
                details.append("""
                    <div class="table-scroll" tabindex="0" role="region" aria-label="\(title)">
                    \(CeilingUseTable.render(caption: title, first: level == .opd ? "Perangkat daerah" : "Wilayah",
                                 rows: usages.map { ($0.name, $0.amount, $0.resultsVisible ? $0.used : nil) }))
                    </div>
                    """)
            }
        }
        return """
            <section aria-labelledby="pagu">
            <h2 id="pagu">Pemakaian pagu</h2>
            <p>Terpakai: nilai berlaku usulan yang didanai dari pagu itu. Pemakaian pagu suatu tingkat diumumkan saat tahap berikutnya dibuka. Rincian rumus pagu: <a href="\(PublicCeilingPaths.page)?siklus=\(recap.cycle.id.rawValue)">halaman pagu</a>.</p>
            \(ChartFigure.render(chart.svg, caption: caption, table: table, tableLabel: "Tabel pemakaian pagu per wilayah"))
            \(details)
            </section>
            """
    }

    // MARK: Bidang

    static func bidang(_ recap: CycleRecap) -> HTML {
        let rows = recap.byBidang, total = recap.totals
        guard !rows.isEmpty else { return .empty }
        let chart = BarChart(
            id: "grafik-bidang", title: "Bagian setiap bidang",
            description: "Untuk setiap bidang, nilai usulannya (batang berarsir) dan nilai yang didanai (batang hijau penuh), dengan bagiannya dari jumlah seluruh bidang; angka lengkap ada pada tabel di sampingnya.",
            series: [BarChart.Series(name: "Nilai usulan", fill: .hatch), BarChart.Series(name: "Nilai didanai", fill: .solid)],
            rows: rows.map { row in
                BarChart.Row(label: row.name, values: [row.effectiveCost, row.fundedCost],
                             note: "usulan \(Percent.text(row.effectiveCost, of: total.effectiveCost)), didanai \(Percent.text(row.fundedCost, of: total.fundedCost))")
            },
            layout: .grouped)
        let body = rows.map { row -> HTML in
            """
            <tr><th scope="row">\(row.name)</th><td class="num">\(RecapView.count(row.count))</td><td class="num">\(Rupiah.format(row.effectiveCost))</td>\
            <td class="num">\(Percent.text(row.effectiveCost, of: total.effectiveCost))</td><td class="num">\(RecapView.count(row.fundedCount))</td>\
            <td class="num">\(Rupiah.format(row.fundedCost))</td><td class="num">\(Percent.text(row.fundedCost, of: total.fundedCost))</td></tr>
            """
        }
        let table: HTML = """
            <table class="recap">
            <caption>Usulan per bidang</caption>
            <thead><tr><th scope="col">Bidang</th><th scope="col" class="num">Usulan</th><th scope="col" class="num">Nilai berlaku</th><th scope="col" class="num">Bagian nilai</th><th scope="col" class="num">Didanai</th><th scope="col" class="num">Nilai didanai</th><th scope="col" class="num">Bagian didanai</th></tr></thead>
            <tbody>\(body)</tbody>
            <tfoot><tr><th scope="row">Jumlah</th><td class="num">\(RecapView.count(total.count))</td><td class="num">\(Rupiah.format(total.effectiveCost))</td><td class="num">\(Percent.text(total.effectiveCost, of: total.effectiveCost))</td><td class="num">\(RecapView.count(total.fundedCount))</td><td class="num">\(Rupiah.format(total.fundedCost))</td><td class="num">\(Percent.text(total.fundedCost, of: total.fundedCost))</td></tr></tfoot>
            </table>
            """
        return """
            <section aria-labelledby="rekap-bidang">
            <h2 id="rekap-bidang">Per bidang</h2>
            \(ChartFigure.render(chart.svg, caption: "Bagian setiap bidang dari nilai usulan dan nilai yang didanai", table: table, tableLabel: "Tabel usulan per bidang"))
            </section>
            """
    }
}
