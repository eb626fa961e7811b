import HTTPServer
import Musrenbang

/// The queue's filters, sort and page as they stand in the address, so that every view of the queue is a link
/// someone can share: `?status=menunggu&kelurahan=3&bidang=1&fisik=ya&biaya-min=10000000&q=jalan&urut=biaya-turun`.
/// Values that do not parse are ignored (the queue shows everything rather than an error for a hand-edited link).
struct VerificationFilter: Hashable {
    var status: String?
    var kelurahan: Int64?
    var rw: Int64?
    var bidang: Int64?
    var opd: Int64?
    var fisik: Bool?
    var minCost: Int64?
    var maxCost: Int64?
    var text = ""
    var sort: Sort = .oldest
    var page = 1

    /// The orders a verifier may pick; the default serves the oldest submission first.
    enum Sort: String, CaseIterable {
        case oldest = "terlama", newest = "terbaru", costAscending = "biaya-naik", costDescending = "biaya-turun",
             code = "kode", rank = "peringkat"

        var label: String {
            switch self {
            case .oldest: "Terlama diajukan dulu"
            case .newest: "Terbaru diajukan dulu"
            case .costAscending: "Biaya terkecil dulu"
            case .costDescending: "Biaya terbesar dulu"
            case .code: "Kode pelacakan"
            case .rank: "Peringkat"
            }
        }

        func engineSort(_ level: Level) -> ProposalSort {
            switch self {
            case .oldest: .oldest
            case .newest: .newest
            case .costAscending: .costAscending
            case .costDescending: .costDescending
            case .code: .trackingCode
            case .rank: .rank(level)
            }
        }
    }

    static let pageSize = 50

    init() {}

    init(_ request: HTTPRequest) {
        func id(_ name: String) -> Int64? { request.queryValue(name).flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil } }
        status = request.queryValue("status").flatMap { $0.isEmpty ? nil : $0 }
        kelurahan = id("kelurahan")
        rw = id("rw")
        bidang = id("bidang")
        opd = id("opd")
        fisik = switch request.queryValue("fisik") { case "ya": true; case "tidak": false; default: nil }
        minCost = request.queryValue("biaya-min").flatMap(Self.rupiah)
        maxCost = request.queryValue("biaya-maks").flatMap(Self.rupiah)
        text = (request.queryValue("q") ?? "").trimmingCharacters(in: .whitespaces)
        if text.count > 200 { text = String(text.prefix(200)) }
        sort = request.queryValue("urut").flatMap(Sort.init(rawValue:)) ?? .oldest
        page = min(max(1, Int(request.queryValue("halaman") ?? "") ?? 1), ProposalQuery.maxPage)
    }

    /// "Rp 10.000.000", "10.000.000" or "10000000" as rupiah; nil for anything else.
    static func rupiah(_ text: String) -> Int64? {
        let digits = text.filter { !($0 == "." || $0 == " " || $0 == "R" || $0 == "p") }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int64(digits), value >= 0 else { return nil }
        return value
    }

    /// `base` (the verifier's scoped query) narrowed by these filters, for `states`.
    func query(_ base: ProposalQuery, level: Level, states: [ProposalState]) -> ProposalQuery {
        var query = base
        query.states = states
        if let kelurahan, base.kelurahanId == nil { query.kelurahanId = KelurahanID(kelurahan) }
        if let rw { query.rwId = RWID(rw) }
        if let bidang { query.bidangId = BidangID(bidang) }
        if let opd, base.routedOPDId == nil { query.opdId = OPDID(opd) }
        query.isFisik = fisik
        query.minCost = minCost
        query.maxCost = maxCost
        query.text = text.isEmpty ? nil : text
        query.sort = sort.engineSort(level)
        query.page = page
        query.pageSize = Self.pageSize
        return query
    }

    /// The address's query with `status` and `page` replaced (nil status: this filter's), every set filter kept.
    func queryString(status newStatus: String? = nil, page newPage: Int = 1) -> String {
        var pairs: [(String, String)] = []
        if let value = newStatus ?? status { pairs.append(("status", value)) }
        if let kelurahan { pairs.append(("kelurahan", String(kelurahan))) }
        if let rw { pairs.append(("rw", String(rw))) }
        if let bidang { pairs.append(("bidang", String(bidang))) }
        if let opd { pairs.append(("opd", String(opd))) }
        if let fisik { pairs.append(("fisik", fisik ? "ya" : "tidak")) }
        if let minCost { pairs.append(("biaya-min", String(minCost))) }
        if let maxCost { pairs.append(("biaya-maks", String(maxCost))) }
        if !text.isEmpty { pairs.append(("q", text)) }
        if sort != .oldest { pairs.append(("urut", sort.rawValue)) }
        if newPage > 1 { pairs.append(("halaman", String(newPage))) }
        guard !pairs.isEmpty else { return "" }
        return "?" + pairs.map { "\($0.0)=\(Portal.queryEncode($0.1))" }.joined(separator: "&")
    }

    /// Whether any filter beyond the tab is set (the page then offers to clear them).
    var narrows: Bool {
        kelurahan != nil || rw != nil || bidang != nil || opd != nil || fisik != nil || minCost != nil || maxCost != nil || !text.isEmpty
    }
}
