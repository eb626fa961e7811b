/// The routing rule of feedback: which unit answers it, by its category and the level of its area. A small table,
/// generated into docs/feedback.md by `markdown()` (a test keeps that copy in step).
///
/// The thinking behind it:
/// - Something about one kelurahan or one kecamatan goes to that area's own office: it knows the place, handles what is
///   its own (its services, its Musrenbang proposals) and forwards the rest to the agency that owns it, with a note.
/// - Something about the whole city goes to the agency of its sector (roads and drainage to DPUPR, waste and green
///   space to DLH, social matters to DINSOS, small business to DINKOPUKM), or to Bappeda where no one agency owns it.
/// - Anything about the Musrenbang process itself goes to Bappeda, which runs it, from every area: a complaint about
///   how a meeting was held is not answered only by those who held it.
/// - An agency named by its code that the city's master data does not hold (renamed, merged) falls back to Bappeda, so
///   every piece of feedback has a unit.
public enum FeedbackRouting {
    /// Where a row sends feedback: the area's own office, an agency by its code, or Bappeda.
    public enum Target: Hashable, Sendable {
        /// The kelurahan or kecamatan of the area itself.
        case areaOffice
        /// The agency (OPD) with this code, else Bappeda.
        case opd(code: String)
        case bappeda

        /// "kantor wilayahnya", "OPD DPUPR", "Bappeda".
        public var displayName: String {
            switch self {
            case .areaOffice: "kantor wilayah itu (kelurahan atau kecamatan)"
            case .opd(let code): "perangkat daerah \(code)"
            case .bappeda: "Bappeda"
            }
        }
    }

    /// One row: a category and, per area level, the target.
    public struct Row: Hashable, Sendable {
        public let category: FeedbackCategory
        public let kelurahan: Target
        public let kecamatan: Target
        public let kota: Target

        public func target(_ level: FeedbackAreaLevel) -> Target {
            switch level {
            case .kelurahan: kelurahan
            case .kecamatan: kecamatan
            case .kota: kota
            }
        }
    }

    /// The table: one row per category, in `FeedbackCategory.allCases` order.
    public static let table: [Row] = [
        Row(category: .infrastruktur, kelurahan: .areaOffice, kecamatan: .areaOffice, kota: .opd(code: "DPUPR")),
        Row(category: .lingkungan, kelurahan: .areaOffice, kecamatan: .areaOffice, kota: .opd(code: "DLH")),
        Row(category: .sosial, kelurahan: .areaOffice, kecamatan: .areaOffice, kota: .opd(code: "DINSOS")),
        Row(category: .ekonomi, kelurahan: .areaOffice, kecamatan: .areaOffice, kota: .opd(code: "DINKOPUKM")),
        Row(category: .pelayanan, kelurahan: .areaOffice, kecamatan: .areaOffice, kota: .bappeda),
        Row(category: .musrenbang, kelurahan: .bappeda, kecamatan: .bappeda, kota: .bappeda),
        Row(category: .lainnya, kelurahan: .areaOffice, kecamatan: .areaOffice, kota: .bappeda),
    ]

    /// The target of `category` for an area of `level`.
    public static func target(_ category: FeedbackCategory, _ level: FeedbackAreaLevel) -> Target {
        (table.first { $0.category == category } ?? table[table.count - 1]).target(level)
    }

    /// The unit that answers feedback of `category` about `area`; `opd` finds an agency by its code (nil: Bappeda).
    public static func unit(_ category: FeedbackCategory, area: FeedbackArea, opd: (String) -> OPDID?) -> FeedbackUnit {
        switch (target(category, area.level), area) {
        case (.areaOffice, .kelurahan(let id)): .kelurahan(id)
        case (.areaOffice, .kecamatan(let id)): .kecamatan(id)
        case (.areaOffice, .kota), (.bappeda, _): .bappeda
        case (.opd(let code), _): opd(code).map(FeedbackUnit.opd) ?? .bappeda
        }
    }

    /// The table as Markdown (docs/feedback.md).
    public static func markdown() -> String {
        var lines = ["| category | area: one kelurahan | area: one kecamatan | area: the whole city |", "|---|---|---|---|"]
        for row in table {
            func cell(_ target: Target, _ level: FeedbackAreaLevel) -> String {
                switch target {
                case .areaOffice: level == .kelurahan ? "the kelurahan" : "the kecamatan"
                case .opd(let code): "OPD \(code) (else Bappeda)"
                case .bappeda: "Bappeda"
                }
            }
            lines.append("| \(row.category.rawValue) | \(cell(row.kelurahan, .kelurahan)) | \(cell(row.kecamatan, .kecamatan)) | "
                         + "\(cell(row.kota, .kota)) |")
        }
        return lines.joined(separator: "\n")
    }
}
