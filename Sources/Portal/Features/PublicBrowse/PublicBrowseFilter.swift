import HTTPServer
import Musrenbang

/// The public list's filters, sort and page as they stand in its address, so that every view of it is a link someone
/// can share: `/usulan?siklus=2&kecamatan=3&kelurahan=12&bidang=1&opd=4&status=kecamatan.didanai&didanai=ya&q=jalan
/// &urut=biaya-turun&halaman=2`. Nothing here is refused: a value that does not parse, or names nothing the city has, is
/// left out and named on the page (`ignored`), and the list shows what the rest of the address asks for.
struct PublicBrowseFilter: Hashable {
    /// Ids as typed; `resolved(against:)` keeps only those the choices know.
    var cycle: Int64?
    var kecamatan: Int64?
    var kelurahan: Int64?
    var bidang: Int64?
    var opd: Int64?
    var state: ProposalState?
    var funded: Bool?
    var text = ""
    var sort: Sort = .newest
    var page = 1
    /// What the address asked for that was left out, in words for the page.
    var ignored: [String] = []

    /// The orders the public may pick; the newest proposals come first by default.
    enum Sort: String, CaseIterable {
        case newest = "terbaru", costDescending = "biaya-turun", costAscending = "biaya-naik", title = "judul"

        var label: String {
            switch self {
            case .newest: "Terbaru dulu"
            case .costDescending: "Biaya terbesar dulu"
            case .costAscending: "Biaya terkecil dulu"
            case .title: "Judul (A-Z)"
            }
        }

        var engineSort: ProposalSort {
            switch self {
            case .newest: .newest
            case .costDescending: .costDescending
            case .costAscending: .costAscending
            case .title: .title
            }
        }
    }

    static let pageSize = 20
    /// The longest search text kept (the engine uses its first 8 words anyway).
    static let maxTextLength = 200

    init() {}

    init(_ request: HTTPRequest) {
        func given(_ name: String) -> String? {
            let value = request.queryValue(name)?.trimmingCharacters(in: .whitespaces)
            return value?.isEmpty == false ? value : nil
        }
        /// A value that does not parse is named on the page, shortened.
        func refuse(_ label: String, _ value: String) {
            let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
            ignored.append("\(label) “\(shown)” tidak dikenali")
        }
        func id(_ name: String, _ label: String) -> Int64? {
            guard let value = given(name) else { return nil }
            guard let id = Int64(value), id > 0 else { refuse(label, value); return nil }
            return id
        }
        cycle = id("siklus", "siklus")
        kecamatan = id("kecamatan", "kecamatan")
        kelurahan = id("kelurahan", "kelurahan")
        bidang = id("bidang", "bidang")
        opd = id("opd", "perangkat daerah")
        if let value = given("status") {
            state = Self.state(value)
            if state == nil { refuse("keadaan", value) }
        }
        if let value = given("didanai") {
            switch value {
            case "ya": funded = true
            case "tidak": funded = false
            default: refuse("pendanaan", value)
            }
        }
        text = given("q").map { String($0.prefix(Self.maxTextLength)) } ?? ""
        if let value = given("urut") {
            if let chosen = Sort(rawValue: value) { sort = chosen } else { refuse("urutan", value) }
        }
        if let value = given("halaman") {
            if let number = Int(value), number >= 1 { page = min(number, ProposalQuery.maxPage) } else { refuse("halaman", value) }
        }
    }

    /// "kecamatan.didanai" (stage and status as stored), for the states a public list offers.
    static func stateValue(_ state: ProposalState) -> String { "\(state.stage.rawValue).\(state.status.rawValue)" }

    /// The state a `stateValue` names, when the public list offers it (every state but the draft).
    static func state(_ value: String) -> ProposalState? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let stage = Stage(rawValue: String(parts[0])), let status = ProposalStatus(rawValue: String(parts[1])) else {
            return nil
        }
        let state = ProposalState(stage, status)
        return offeredStates.contains(state) ? state : nil
    }

    /// The states the status filter offers: every one a published proposal can be in.
    static let offeredStates = ProposalState.all.filter { $0 != ProposalState(.praMusrenbang, .draft) }

    /// This filter with the ids the city does not have left out (and named in `ignored`), and a kelurahan outside the
    /// chosen kecamatan left out too.
    func resolved(against choices: PublicBrowseChoices) -> PublicBrowseFilter {
        var filter = self
        func keep(_ id: Int64?, _ known: (Int64) -> Bool, _ label: String) -> Int64? {
            guard let id else { return nil }
            guard known(id) else { filter.ignored.append("\(label) nomor \(id) tidak ada"); return nil }
            return id
        }
        filter.cycle = keep(cycle, { id in choices.cycles.contains { $0.id.rawValue == id } }, "siklus")
        filter.kecamatan = keep(kecamatan, { choices.kecamatanName($0) != nil }, "kecamatan")
        filter.kelurahan = keep(kelurahan, { choices.kelurahan($0) != nil }, "kelurahan")
        filter.bidang = keep(bidang, { id in choices.bidang.contains { $0.id.rawValue == id } }, "bidang")
        filter.opd = keep(opd, { id in choices.opd.contains { $0.id.rawValue == id } }, "perangkat daerah")
        if let kelurahan = filter.kelurahan, let kecamatan = filter.kecamatan, let place = choices.kelurahan(kelurahan),
           place.kecamatanId.rawValue != kecamatan {
            filter.ignored.append("Kelurahan \(place.name) tidak termasuk Kecamatan \(choices.kecamatanName(kecamatan) ?? "")")
            filter.kelurahan = nil
        }
        return filter
    }

    /// The engine's query for this (resolved) filter over `cycle`.
    func query(cycle: CycleID) -> ProposalQuery {
        ProposalQuery(cycleId: cycle, kecamatanId: kecamatan.map { KecamatanID($0) }, kelurahanId: kelurahan.map { KelurahanID($0) },
                      bidangId: bidang.map { BidangID($0) }, opdId: opd.map { OPDID($0) }, states: state.map { [$0] } ?? [],
                      funded: funded, text: text.isEmpty ? nil : text, sort: sort.engineSort, page: page, pageSize: Self.pageSize)
    }

    /// "?q=jalan&kecamatan=3&halaman=2" for this filter at `page` (nothing for the first page of everything).
    func queryString(page newPage: Int = 1) -> String {
        var pairs: [(String, String)] = []
        if !text.isEmpty { pairs.append(("q", text)) }
        if let cycle { pairs.append(("siklus", String(cycle))) }
        if let kecamatan { pairs.append(("kecamatan", String(kecamatan))) }
        if let kelurahan { pairs.append(("kelurahan", String(kelurahan))) }
        if let bidang { pairs.append(("bidang", String(bidang))) }
        if let opd { pairs.append(("opd", String(opd))) }
        if let state { pairs.append(("status", Self.stateValue(state))) }
        if let funded { pairs.append(("didanai", funded ? "ya" : "tidak")) }
        if sort != .newest { pairs.append(("urut", sort.rawValue)) }
        if newPage > 1 { pairs.append(("halaman", String(newPage))) }
        guard !pairs.isEmpty else { return "" }
        return "?" + pairs.map { "\($0.0)=\(Portal.queryEncode($0.1))" }.joined(separator: "&")
    }

    /// Whether any filter beyond the text is set (the filters then show open, with a way to clear them).
    var narrows: Bool {
        cycle != nil || kecamatan != nil || kelurahan != nil || bidang != nil || opd != nil || state != nil || funded != nil || sort != .newest
    }
}
