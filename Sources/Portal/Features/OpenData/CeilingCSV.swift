import Musrenbang

/// `/data/pagu.csv`: one record per envelope of each cycle whose ceilings are public (`Visibility.ceilingsArePublic`): the level's settings (total, base share, weights, rounding
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

    /// The records of one cycle's ceilings as `/pagu` shows them (`MusrenbangService.ceilingReport`, the one read of
    /// both): kelurahan (by kecamatan, then name), kecamatan, then OPD.
    static func records(_ report: CeilingReport, _ csv: inout CSVWriter) {
        for level in report.levels {
            for area in level.areas {
                csv.number(Int64(report.cycle.planYear))
                csv.text(level.level.rawValue)
                csv.text(area.name)
                csv.text(area.kecamatanName)
                for criterion in CeilingCriterion.allCases { csv.number(area.input.value(criterion)) }
                csv.number(level.total)
                csv.text(percent(level.formula.baseShareBasisPoints))
                for criterion in CeilingCriterion.allCases { csv.number(Int64(level.formula.weight(criterion))) }
                csv.number(level.formula.roundingUnit)
                let line = area.line
                csv.number(line.basePart)
                for criterion in CeilingCriterion.allCases { csv.number(line.criterionParts[criterion] ?? 0) }
                csv.number(line.amount - line.roundingAdjustment)
                csv.number(line.roundingAdjustment)
                use(area.usage, &csv)
            }
        }
        for usage in report.opd {
            csv.number(Int64(report.cycle.planYear))
            csv.text("perangkat_daerah")
            csv.text(usage.name)
            csv.text(nil)
            // Nothing between the names and the ceiling: an OPD's ceiling is set, not computed.
            for _ in 0..<(header.count - 7) { csv.number(nil) }
            use(usage, &csv)
        }
    }

    /// The ceiling, what it funds and what is left (both empty while the level's results are not public); ends the record.
    private static func use(_ usage: CeilingUsage, _ csv: inout CSVWriter) {
        csv.number(usage.amount)
        csv.number(usage.resultsVisible ? usage.used : nil)
        csv.number(usage.resultsVisible ? usage.remaining : nil)
        csv.endRecord()
    }

    /// Basis points as a percentage with a decimal comma where needed: 3000 -> "30", 3250 -> "32,5".
    static func percent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, rest = basisPoints % 100
        guard rest != 0 else { return String(whole) }
        let fraction = rest % 10 == 0 ? String(rest / 10) : (rest < 10 ? "0\(rest)" : String(rest))
        return "\(whole),\(fraction)"
    }
}
