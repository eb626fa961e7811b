import Musrenbang

/// `/data/pagu.csv`: one record per envelope of each cycle: the level's settings (total, base share, weights, rounding
/// unit), the area's criteria inputs, the parts of its exact share (each floored to the rupiah), their sum, what the
/// largest-remainder rounding added or removed, the ceiling, and what it funds and has left once the level's results
/// are public (empty before). An OPD's ceiling is set by Bappeda: only its amount, used and left.
enum CeilingCSV {
    static let header = [
        "tahun_siklus", "tingkat", "nama", "kecamatan",
        "penduduk", "luas_m2", "realisasi_pbb", "rumah_tangga_miskin",
        "total_pagu_tingkat", "porsi_dasar_persen", "bobot_penduduk", "bobot_luas", "bobot_pbb", "bobot_rumah_tangga_miskin",
        "satuan_pembulatan",
        "bagian_dasar", "bagian_penduduk", "bagian_luas", "bagian_pbb", "bagian_rumah_tangga_miskin", "jumlah_bagian",
        "penyesuaian_pembulatan", "pagu", "terpakai", "sisa",
    ]

    static func records(_ ceilings: PublicCeilings, _ csv: inout CSVWriter) {
        for row in ceilings.envelopes {
            let level = row.envelope.level
            let settings = ceilings.settings[level]
            csv.number(Int64(ceilings.cycle.planYear))
            csv.text(level == .opd ? "perangkat_daerah" : level.rawValue)
            csv.text(row.name)
            csv.text(row.kecamatanName)
            for criterion in CeilingCriterion.allCases { csv.number(row.input?.value(criterion)) }
            csv.number(settings?.total)
            csv.text(settings.map { percent($0.formula.baseShareBasisPoints) })
            for criterion in CeilingCriterion.allCases { csv.number(settings.map { Int64($0.formula.weight(criterion)) }) }
            csv.number(settings?.formula.roundingUnit)
            let line = row.line
            csv.number(line?.basePart)
            for criterion in CeilingCriterion.allCases { csv.number(line.map { $0.criterionParts[criterion] ?? 0 }) }
            csv.number(line.map { $0.amount - $0.roundingAdjustment })
            csv.number(line?.roundingAdjustment)
            csv.number(row.amount)
            csv.number(row.used)
            csv.number(row.remaining)
            csv.endRecord()
        }
    }

    /// Basis points as a percentage with a decimal comma where needed: 3000 -> "30", 3250 -> "32,5".
    static func percent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, rest = basisPoints % 100
        guard rest != 0 else { return String(whole) }
        let fraction = rest % 10 == 0 ? String(rest / 10) : (rest < 10 ? "0\(rest)" : String(rest))
        return "\(whole),\(fraction)"
    }
}
