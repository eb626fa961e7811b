import HTTPServer
import Musrenbang

/// The final list's view from its address, so every view is shareable: the tab (`status`: `menunggu`, `ditetapkan`,
/// `tidak-ditetapkan`), the funding level (`tingkat`), the kecamatan, the kamus item's OPD (`opd`) and the page. A
/// value that does not parse is ignored.
struct RatificationFilter {
    enum Tab: String, CaseIterable {
        case menunggu
        case ditetapkan
        case tidakDitetapkan = "tidak-ditetapkan"

        var label: String {
            switch self {
            case .menunggu: "Menunggu penetapan"
            case .ditetapkan: "Ditetapkan"
            case .tidakDitetapkan: "Tidak ditetapkan"
            }
        }

        var states: [ProposalState] {
            switch self {
            case .menunggu: BappedaDesk.waiting
            case .ditetapkan: [BappedaDesk.ratified]
            case .tidakDitetapkan: [BappedaDesk.notRatified]
            }
        }
    }

    var tab: Tab = .menunggu
    var level: Level?
    var kecamatan: Int64?
    var opd: Int64?
    var page = 1

    init() {}

    init(_ request: HTTPRequest) {
        tab = request.queryValue("status").flatMap(Tab.init(rawValue:)) ?? .menunggu
        level = request.queryValue("tingkat").flatMap(Level.init(rawValue:)).flatMap { [.kelurahan, .kecamatan, .opd].contains($0) ? $0 : nil }
        kecamatan = request.queryValue("kecamatan").flatMap { Int64($0) }
        opd = request.queryValue("opd").flatMap { Int64($0) }
        page = request.queryValue("halaman").flatMap { Int($0) }.map { min(max($0, 1), ProposalQuery.maxPage) } ?? 1
    }

    /// The query of `tab` (the waiting tab narrowed to one level's funded state; ratified ones by their envelope's level
    /// in the totals only).
    func query(cycleId: CycleID, tab: Tab) -> ProposalQuery {
        var states = tab.states
        if tab == .menunggu, let level { states = states.filter { $0.stage.level == level } }
        let kecamatanId: KecamatanID? = kecamatan.map { KecamatanID($0) }
        let opdId: OPDID? = opd.map { OPDID($0) }
        return ProposalQuery(cycleId: cycleId, kecamatanId: kecamatanId, opdId: opdId, states: states, sort: .trackingCode, page: page,
                             pageSize: 100)
    }

    /// The query of `tab` for its count only (one row read).
    func countQuery(cycleId: CycleID, tab: Tab) -> ProposalQuery {
        var query = query(cycleId: cycleId, tab: tab)
        query.page = 1
        query.pageSize = 1
        return query
    }

    /// "?status=...&tingkat=..." for this view with another tab or page.
    func queryString(tab: Tab? = nil, page: Int? = nil) -> String {
        var parts = ["status=\((tab ?? self.tab).rawValue)"]
        if let level { parts.append("tingkat=\(level.rawValue)") }
        if let kecamatan { parts.append("kecamatan=\(kecamatan)") }
        if let opd { parts.append("opd=\(opd)") }
        if let page, page > 1 { parts.append("halaman=\(page)") }
        return "?" + parts.joined(separator: "&")
    }

    var narrows: Bool { level != nil || kecamatan != nil || opd != nil }
}
