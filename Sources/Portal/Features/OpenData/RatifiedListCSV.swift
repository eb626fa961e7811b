import Musrenbang

/// The ratified list of a cycle (kota, ditetapkan by Bappeda) for entry into the city's plan: as Permendagri 86/2017
/// Tabel T-D.4 (per responsible OPD, by priority) and as SIPD's usulan list. Both are made of `PriorityLine`s, the rows
/// of the printed berita acara.
enum RatifiedListCSV {
    /// The two exports and their addresses.
    enum Kind: CaseIterable {
        case tableTD4, sipd

        var path: String {
            switch self {
            case .tableTD4: "/data/tabel-td4.csv"
            case .sipd: "/data/sipd-usulan.csv"
            }
        }

        func fileName(planYear: Int) -> String {
            switch self {
            case .tableTD4: "tabel-td4-musrenbang-\(planYear).csv"
            case .sipd: "sipd-usulan-musrenbang-\(planYear).csv"
            }
        }

        var header: [String] {
            switch self {
            case .tableTD4:
                ["Prioritas", "Program/Kegiatan", "Lokasi", "Volume", "Pagu Indikatif (Rp)", "Perangkat Daerah Penanggung Jawab",
                 "Kode Usulan", "Usulan"]
            case .sipd:
                ["Kode Usulan", "Pengusul", "Urusan/Bidang", "Kegiatan", "Usulan", "Permasalahan", "Lokasi", "Perangkat Daerah Tujuan",
                 "Volume", "Satuan", "Anggaran (Rp)"]
            }
        }
    }

    /// Writes `lines` (already in the list's order: by OPD, then priority); `priority` numbers each OPD's lines from 1.
    static func records(_ kind: Kind, _ lines: [PriorityLine], priority: inout (opd: String, number: Int), _ csv: inout CSVWriter) {
        for line in lines {
            switch kind {
            case .tableTD4:
                priority = priority.opd == line.opd ? (line.opd, priority.number + 1) : (line.opd, 1)
                csv.number(Int64(priority.number))
                csv.text(line.activity)
                csv.text(line.location)
                csv.text(line.volumeText)
                csv.number(line.cost)
                csv.text(line.opd)
                csv.text(line.code.description)
                csv.text(line.title)
            case .sipd:
                csv.text(line.code.description)
                csv.text(line.proposer)
                csv.text(line.bidang)
                csv.text(line.activity)
                csv.text(line.title)
                csv.text(line.problem)
                csv.text(line.location)
                csv.text(line.opd)
                csv.number(line.volume)
                csv.text(line.unit)
                csv.number(line.cost)
            }
            csv.endRecord()
        }
    }
}
