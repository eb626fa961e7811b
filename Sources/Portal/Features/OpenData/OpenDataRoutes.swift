import HTTPServer
import Musrenbang
import Storage

/// The open data exports (docs/open-data.md), for anyone without an account: only what `Visibility` makes public to
/// `Viewer.public`, never a name, NIK, phone or e-mail. The long ones stream: rows are read a page per read transaction
/// and written as chunks (`ResponseBody.stream`), so a city's 100,000 proposals never sit in memory.
extension Portal {
    /// Rows read per page (and so per read transaction) while an export streams.
    static let openDataPageSize = 500

    func openDataRoutes(_ routes: inout RouteTable) {
        routes.get(OpenDataPaths.index) { [self] request in
            handle(request) { context in
                let published = try service.publishedCycles()
                let envelopes = try service.publicEnvelopeResults()
                return page("Data terbuka", context, OpenDataView.render(cycles: published, envelopes: envelopes))
            }
        }
        routes.get(OpenDataPaths.proposalsCSV, lane: .heavy) { [self] request in
            handle(request) { context in
                guard let cycles = try requestedCycles(request) else { return noSuchCycle(context) }
                let separator = CSVWriter.separator(query: request.queryValue("sep"))
                let service = self.service
                return Self.download(contentType: "text/csv; charset=utf-8",
                                     fileName: OpenDataPaths.proposalsFileName(cycles, ext: "csv", whole: request.queryValue("siklus") == nil)) { out in
                    var csv = CSVWriter(separator: separator)
                    ProposalColumns.header(&csv)
                    try service.forEachPublishedProposalPage(of: cycles, pageSize: Self.openDataPageSize) { page in
                        for proposal in page { ProposalColumns.record(proposal, &csv) }
                        try out.write(csv.take())
                    }
                    try out.write(csv.take())
                }
            }
        }
        routes.get(OpenDataPaths.proposalsJSON, lane: .heavy) { [self] request in
            handle(request) { context in
                guard let cycles = try requestedCycles(request) else { return noSuchCycle(context) }
                let service = self.service, now = self.now
                let year = request.queryValue("siklus") == nil ? nil : cycles.first?.planYear
                return Self.download(contentType: "application/json; charset=utf-8",
                                     fileName: OpenDataPaths.proposalsFileName(cycles, ext: "json", whole: year == nil)) { out in
                    var json = JSONWriter()
                    json.raw("{")
                    json.key("format"); json.string("e-musrenbang/usulan"); json.raw(",")
                    json.key("versi"); json.number(1); json.raw(",")
                    json.key("dibuat"); json.string(WIBTime.iso8601(now)); json.raw(",")
                    json.key("tahun_siklus"); json.number(year.map(Int64.init)); json.raw(",")
                    json.key("lisensi"); json.string(OpenDataView.licence); json.raw(",")
                    json.key("usulan"); json.raw("[")
                    var first = true
                    try service.forEachPublishedProposalPage(of: cycles, pageSize: Self.openDataPageSize) { page in
                        for proposal in page {
                            json.raw(first ? "\n" : ",\n")
                            first = false
                            ProposalColumns.object(proposal, &json)
                        }
                        try out.write(json.take())
                    }
                    json.raw("\n]}\n")
                    try out.write(json.take())
                }
            }
        }
        routes.get(OpenDataPaths.ceilingsCSV, lane: .heavy) { [self] request in
            handle(request) { context in
                guard let cycles = try requestedCycles(request, publishedOnly: false) else { return noSuchCycle(context) }
                let separator = CSVWriter.separator(query: request.queryValue("sep"))
                var csv = CSVWriter(separator: separator)
                csv.record(CeilingCSV.header)
                for cycle in cycles {
                    // Nothing of a cycle whose ceilings are not public yet (Bappeda still preparing them).
                    if let report = try service.ceilingReport(cycleId: cycle.id, viewer: .public) { CeilingCSV.records(report, &csv) }
                }
                let name = request.queryValue("siklus") == nil || cycles.isEmpty ? "pagu-musrenbang.csv" : "pagu-musrenbang-\(cycles[0].planYear).csv"
                return Self.download(contentType: "text/csv; charset=utf-8", fileName: name, bytes: csv.take())
            }
        }
        for kind in RatifiedListCSV.Kind.allCases {
            routes.get(kind.path, lane: .heavy) { [self] request in
                handle(request) { context in
                    // One cycle: the one asked for, else the latest published.
                    guard let cycle = try requestedCycles(request)?.last else { return noSuchCycle(context) }
                    let ids = try service.ratifiedProposalIds(cycleId: cycle.id)
                    let separator = CSVWriter.separator(query: request.queryValue("sep"))
                    let service = self.service
                    return Self.download(contentType: "text/csv; charset=utf-8", fileName: kind.fileName(planYear: cycle.planYear)) { out in
                        var csv = CSVWriter(separator: separator)
                        csv.record(kind.header)
                        var priority = (opd: "", number: 0)
                        var start = 0
                        while start < ids.count {
                            let chunk = Array(ids[start..<min(start + Self.openDataPageSize, ids.count)])
                            start += chunk.count
                            let lines = try service.database.read { db -> [PriorityLine] in
                                let byId = Dictionary(uniqueKeysWithValues: try ProposalRepository(db).proposals(ids: chunk).map { ($0.id, $0) })
                                // Only what is still ratified (a correction may have moved one since the ids were read).
                                let proposals = chunk.compactMap { byId[$0] }.filter { $0.state == ProposalState(.kota, .ditetapkan) }
                                let names = try PriorityLine.Names(db, for: proposals)
                                return proposals.map { PriorityLine($0, names: names, rank: nil, funded: true, reason: "") }
                            }
                            RatifiedListCSV.records(kind, lines, priority: &priority, &csv)
                            try out.write(csv.take())
                        }
                        try out.write(csv.take())
                    }
                }
            }
        }
        routes.get(OpenDataPaths.pabulibPattern, lane: .heavy) { [self] request in
            handle(request) { context in
                guard let (year, envelope) = PabulibFile.parse(request.pathParameters["berkas"] ?? "") else {
                    throw PortalError.notFound
                }
                let result = try service.publicEnvelopeResult(envelope, planYear: year)
                return Self.download(contentType: "text/plain; charset=utf-8", fileName: PabulibFile.downloadName(result),
                                     bytes: PabulibFile.bytes(result))
            }
        }
    }

    /// The cycles `?siklus=` names (its plan year), or every one without it: the published ones (`publishedOnly`), else
    /// every cycle; nil when `siklus` is not a year of such a cycle.
    private func requestedCycles(_ request: HTTPRequest, publishedOnly: Bool = true) throws -> [Cycle]? {
        let typed = request.queryValue("siklus")?.trimmingCharacters(in: .whitespaces) ?? ""
        let year: Int?
        if typed.isEmpty {
            year = nil
        } else {
            guard let parsed = Int(typed), (2000...2999).contains(parsed) else { return nil }
            year = parsed
        }
        let cycles = publishedOnly ? try service.publishedCycles(planYear: year) : try service.cycles(planYear: year)
        return year != nil && cycles.isEmpty ? nil : cycles
    }

    private func noSuchCycle(_ context: RequestContext) -> HTTPResponse {
        page("Siklus tidak ditemukan", context, status: .notFound, OpenDataView.noSuchCycle())
    }

    /// A file to save: its type, `Content-Disposition: attachment` with its name, never stored by shared caches.
    private static func download(contentType: String, fileName: String, bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: downloadHeaders(contentType, fileName), body: .bytes(bytes))
    }

    /// A streamed file to save.
    private static func download(contentType: String, fileName: String,
                                 _ produce: @escaping @Sendable (ChunkWriter) throws -> Void) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: downloadHeaders(contentType, fileName), body: .stream(produce))
    }

    private static func downloadHeaders(_ contentType: String, _ fileName: String) -> HTTPHeaders {
        ["Content-Type": contentType, "Content-Disposition": "attachment; filename=\"\(fileName)\"", "Cache-Control": "no-cache",
         "X-Content-Type-Options": "nosniff"]
    }
}

/// The addresses of the open data (`/data`), stable: people script against them.
enum OpenDataPaths {
    static let index = "/data"
    static let proposalsCSV = "/data/usulan.csv"
    static let proposalsJSON = "/data/usulan.json"
    static let ceilingsCSV = "/data/pagu.csv"
    static let pabulibPattern = "/data/pabulib/:berkas"

    static func pabulib(planYear: Int, envelope: FundingEnvelope) -> String {
        "/data/pabulib/" + PabulibFile.name(planYear: planYear, envelope: envelope)
    }

    /// "usulan-musrenbang.csv" for every cycle, "usulan-musrenbang-2027.csv" for one.
    static func proposalsFileName(_ cycles: [Cycle], ext: String, whole: Bool) -> String {
        whole || cycles.isEmpty ? "usulan-musrenbang.\(ext)" : "usulan-musrenbang-\(cycles[0].planYear).\(ext)"
    }
}
