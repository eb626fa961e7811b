import Musrenbang

/// `/data`: the list of exports with a short explanation in Indonesian, the columns of the proposal export, the ratified
/// lists per published cycle, the Pabulib files per envelope, and the licence.
enum OpenDataView {
    static let licence = "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)"

    static func render(cycles: [Cycle], envelopes: [EnvelopeResultEntry]) -> HTML {
        let perCycle: [HTML] = cycles.reversed().map { cycle in
            let year = cycle.planYear
            return """
                <li>\(cycle.name): <a href="\(OpenDataPaths.proposalsCSV)?siklus=\(year)">usulan (CSV)</a>,
                <a href="\(OpenDataPaths.proposalsJSON)?siklus=\(year)">usulan (JSON)</a>,
                <a href="\(OpenDataPaths.ceilingsCSV)?siklus=\(year)">pagu (CSV)</a>,
                <a href="\(RatifiedListCSV.Kind.tableTD4.path)?siklus=\(year)">usulan yang ditetapkan, Tabel T-D.4 (CSV)</a>,
                <a href="\(RatifiedListCSV.Kind.sipd.path)?siklus=\(year)">usulan yang ditetapkan untuk SIPD (CSV)</a></li>
                """
        }
        let cycleList: HTML = perCycle.isEmpty
            ? "<p class=\"empty\">Belum ada siklus yang usulannya diumumkan. Usulan diumumkan saat Musrenbang kecamatan siklusnya dibuka.</p>"
            : "<ul>\(perCycle)</ul>"
        let columns = ProposalColumns.all.map { column -> HTML in
            "<tr><th scope=\"row\"><code>\(column.name)</code></th><td>\(column.meaning)</td></tr>"
        }
        return """
            <h1>Data terbuka</h1>
            <p class="lead">Usulan Musrenbang yang sudah diumumkan, pagu setiap wilayah, dan hasil musyawarah dapat diunduh siapa saja tanpa akun, untuk dianalisis, dipetakan, atau diperiksa ulang.</p>
            <p>Data ini tidak memuat data pribadi: tidak ada nama, NIK, nomor telepon, atau alamat surel pengusul. Pengusul hanya disebut sebagai warga RT/RW-nya. Usulan sebuah siklus diumumkan saat Musrenbang kecamatannya dibuka; hasil musyawarah setiap tingkat diumumkan saat tahap berikutnya dibuka.</p>
            <h2>Unduhan</h2>
            <ul>
            <li><a href="\(OpenDataPaths.proposalsCSV)">Semua usulan yang diumumkan (CSV)</a>: satu baris per usulan. Berkas CSV UTF-8 dengan pemisah titik koma (;), langsung terbuka di Excel berbahasa Indonesia; dengan pemisah koma: <a href="\(OpenDataPaths.proposalsCSV)?sep=,">\(OpenDataPaths.proposalsCSV)?sep=,</a>.</li>
            <li><a href="\(OpenDataPaths.proposalsJSON)">Semua usulan yang diumumkan (JSON)</a>: data yang sama untuk program, dengan kolom yang sama.</li>
            <li><a href="\(OpenDataPaths.ceilingsCSV)">Pagu setiap wilayah (CSV)</a>: data masukan rumus (penduduk, luas, realisasi PBB, rumah tangga miskin), bobot, bagian-bagian pagu dan jumlahnya, pembulatan, pagu, yang terpakai dan sisanya.</li>
            </ul>
            <p>Tambahkan <code>?siklus=</code> dan tahun Musrenbang (tahun pada kode usulan) untuk satu siklus saja:</p>
            \(cycleList)
            <h2>Kolom data usulan</h2>
            <table><caption>Kolom <code>usulan.csv</code> dan medan <code>usulan.json</code></caption>
            <thead><tr><th scope="col">Kolom</th><th scope="col">Isi</th></tr></thead>
            <tbody>\(columns)</tbody></table>
            <h2>Hasil musyawarah dalam format Pabulib</h2>
            <p>Setiap pagu yang berita acaranya sudah ditandatangani dan hasilnya sudah diumumkan tersedia sebagai berkas <code>.pb</code> Pabulib (pustaka terbuka penganggaran partisipatif): usulan dengan biaya, bidang, skor, dan keputusan didanai, serta lembar nilai musyawarah per kriteria. Peneliti dapat menghitung ulang alokasi dengan aturan lain.</p>
            \(pabulibList(envelopes))
            <h2>Lisensi</h2>
            <p>Data dapat digunakan, diolah, dan disebarkan ulang dengan lisensi \(licence), dengan menyebut sumbernya: e-Musrenbang pemerintah kota.</p>
            """
    }

    private static func pabulibList(_ envelopes: [EnvelopeResultEntry]) -> HTML {
        guard !envelopes.isEmpty else { return "<p class=\"empty\">Belum ada hasil musyawarah yang diumumkan.</p>" }
        let groups = Dictionary(grouping: envelopes) { "\($0.planYear) \($0.envelope.level.rawValue)" }
        let order = envelopes.map { "\($0.planYear) \($0.envelope.level.rawValue)" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let sections = order.map { key -> HTML in
            let items = groups[key] ?? []
            let first = items[0]
            let links = items.map { entry -> HTML in
                "<li><a href=\"\(OpenDataPaths.pabulib(planYear: entry.planYear, envelope: entry.envelope))\">\(entry.unitName)</a></li>"
            }
            return """
                <details><summary>Musrenbang \(first.planYear), \(levelName(first.envelope.level)) (\(items.count) berkas)</summary>
                <ul>\(links)</ul></details>
                """
        }
        return HTML.join(sections)
    }

    private static func levelName(_ level: Level) -> String {
        switch level {
        case .kelurahan: "pagu kelurahan"
        case .kecamatan: "pagu kecamatan"
        case .opd, .kota: "pagu perangkat daerah"
        }
    }

    static func noSuchCycle() -> HTML {
        """
        <h1>Siklus tidak ditemukan</h1>
        <p>Tidak ada siklus Musrenbang yang diumumkan dengan tahun itu. Tulis tahun Musrenbang dengan empat angka, misalnya <code>?siklus=2027</code>.</p>
        <p><a href="\(OpenDataPaths.index)">Lihat semua data terbuka</a></p>
        """
    }
}
