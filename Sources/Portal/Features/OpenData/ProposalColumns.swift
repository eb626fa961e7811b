import Musrenbang

/// The columns of `/data/usulan.csv` and the fields of `/data/usulan.json`, one list for both so that they cannot
/// drift apart; docs/open-data.md documents each (a test checks the document names every one).
enum ProposalColumns {
    /// A column's value in one row.
    enum Value {
        case text(String)
        case optionalText(String?)
        case number(Int64)
        case optionalNumber(Int64?)
        /// "ya"/"tidak" in CSV, `true`/`false` in JSON.
        case flag(Bool)
    }

    struct Column {
        let name: String
        /// What the column holds, in a few words (shown on `/data`).
        let meaning: String
        let value: @Sendable (OpenDataProposal) -> Value
    }

    static let all: [Column] = [
        Column(name: "kode_usulan", meaning: "kode pelacakan usulan, misalnya TGS-2027-000123") { .text($0.trackingCode) },
        Column(name: "tahun_siklus", meaning: "tahun Musrenbang (tahun pada kode usulan)") { .number(Int64($0.planYear)) },
        Column(name: "kecamatan", meaning: "kecamatan asal usulan") { .text($0.kecamatan) },
        Column(name: "kelurahan", meaning: "kelurahan asal usulan") { .text($0.kelurahan) },
        Column(name: "rw", meaning: "nomor RW asal (kosong untuk formulir tingkat kelurahan)") { .optionalNumber($0.rw.map(Int64.init)) },
        Column(name: "rt", meaning: "nomor RT asal (kosong untuk formulir tingkat kelurahan)") { .optionalNumber($0.rt.map(Int64.init)) },
        Column(name: "bidang", meaning: "bidang usulan") { .text($0.bidang) },
        Column(name: "kegiatan", meaning: "kegiatan dari kamus usulan") { .text($0.kamus) },
        Column(name: "judul", meaning: "judul usulan") { .text($0.title) },
        Column(name: "permasalahan", meaning: "permasalahan yang ingin diatasi") { .text($0.problem) },
        Column(name: "lokasi", meaning: "lokasi seperti ditulis pengusul") { .text($0.location) },
        Column(name: "volume", meaning: "volume yang diusulkan") { .number($0.volume) },
        Column(name: "satuan", meaning: "satuan volume") { .text($0.unit) },
        Column(name: "harga_satuan", meaning: "harga satuan SSH dalam rupiah") { .number($0.unitPrice) },
        Column(name: "biaya_usulan", meaning: "volume x harga satuan, dalam rupiah") { .number($0.cost) },
        Column(name: "biaya_berlaku", meaning: "biaya yang berlaku (rekomendasi tingkat terakhir, atau biaya usulan), dalam rupiah") { .number($0.effectiveCost) },
        Column(name: "status", meaning: "keadaan usulan dalam kata-kata") { .text(StateWords.text($0.state)) },
        Column(name: "kode_status", meaning: "tahap:status, misalnya kecamatan:didanai") { .text($0.state.description) },
        Column(name: "tahap", meaning: "tahap terakhir yang dicapai usulan") { .text($0.state.stage.displayName) },
        Column(name: "pagu", meaning: "pagu yang mendanai usulan (kosong bila belum/tidak didanai)") { .optionalText($0.envelopeName) },
        Column(name: "didanai", meaning: "ya bila didanai pagu (F1) atau ditetapkan dalam RKPD") { .flag($0.funded) },
        Column(name: "perangkat_daerah", meaning: "perangkat daerah penanggung jawab") { .text($0.opd) },
        Column(name: "alasan_terakhir", meaning: "alasan keputusan terakhir (penolakan, pengembalian, perubahan, koreksi)") { .optionalText($0.latestReason) },
    ]

    /// The header record.
    static func header(_ csv: inout CSVWriter) { csv.record(all.map(\.name)) }

    /// One proposal as a CSV record.
    static func record(_ proposal: OpenDataProposal, _ csv: inout CSVWriter) {
        for column in all {
            switch column.value(proposal) {
            case .text(let text): csv.text(text)
            case .optionalText(let text): csv.text(text)
            case .number(let number): csv.number(number)
            case .optionalNumber(let number): csv.number(number)
            case .flag(let flag): csv.text(flag ? "ya" : "tidak")
            }
        }
        csv.endRecord()
    }

    /// One proposal as a JSON object.
    static func object(_ proposal: OpenDataProposal, _ json: inout JSONWriter) {
        json.raw("{")
        for (index, column) in all.enumerated() {
            if index > 0 { json.raw(",") }
            json.key(column.name)
            switch column.value(proposal) {
            case .text(let text): json.string(text)
            case .optionalText(let text): json.string(text)
            case .number(let number): json.number(number)
            case .optionalNumber(let number): json.number(number)
            case .flag(let flag): json.boolean(flag)
            }
        }
        json.raw("}")
    }
}
