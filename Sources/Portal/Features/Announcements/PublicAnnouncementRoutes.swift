import Foundation
import HTTPServer
import Musrenbang

/// The public announcements, for anyone with or without an account: the list (`/pengumuman`, by area and kind, in
/// pages), one announcement (`/pengumuman/{id}`) with its documents, the meetings (`/jadwal`) with the cycle's stage
/// windows, and their feeds: Atom (`/pengumuman.atom`) and iCalendar (`/jadwal.ics`), the whole city's or an area's
/// (`?wilayah=kecamatan:3`). Pages read as the public whoever is signed in: a draft is the same 404 as an unknown id;
/// an unknown area or kind in the address is a 404 too (a feed never silently widens to the whole city).
extension Portal {
    /// How many announcements an Atom feed carries (the newest).
    static let atomEntries = 50
    /// How far back the calendar keeps meetings that have ended.
    static let calendarPast: TimeInterval = 180 * 86_400

    func publicAnnouncementRoutes(_ routes: inout RouteTable) {
        routes.get(AnnouncementPaths.publicList) { [self] request in
            handle(request) { context in
                let areas = try AnnouncementAreaChoices.load(service.database)
                let (area, kind) = try Self.announcementFilter(request, areas)
                let pageNumber = min(100_000, max(1, Int(request.queryValue("halaman") ?? "") ?? 1))
                let result = try service.publicAnnouncements(AnnouncementQuery(area: area, kind: kind, page: pageNumber))
                return page("Pengumuman", context, head: Self.feedLinks(area: area, kind: kind, areas: areas),
                            PublicAnnouncementView.list(result, area: area, kind: kind, areas: areas))
            }
        }
        routes.get(AnnouncementPaths.publicPattern) { [self] request in
            handle(request) { context in
                guard let id = AnnouncementPaths.id(request.pathParameters["id"]) else { throw PortalError.notFound }
                let item = try service.announcement(id, viewer: .public)
                let areas = try AnnouncementAreaChoices.load(service.database)
                if item.status == .withdrawn {
                    return page("Pengumuman ditarik", context, status: HTTPStatus(code: 410), PublicAnnouncementView.withdrawn(item))
                }
                return page(item.title, context, head: Self.feedLinks(area: nil, kind: nil, areas: areas), PublicAnnouncementView.announcement(item))
            }
        }
        routes.get(AnnouncementPaths.documentPattern) { [self] request in
            handle(request) { context in
                guard let id = AnnouncementPaths.id(request.pathParameters["id"]),
                      let raw = request.pathParameters["dokumen"], raw.count <= 18, let documentId = Int64(raw), documentId > 0 else {
                    throw PortalError.notFound
                }
                let viewer: Viewer = context.actor.map { .actor($0) } ?? .public
                let (document, bytes) = try service.announcementDocument(AnnouncementDocumentID(documentId), of: id, viewer: viewer)
                // A draft's document goes only to its staff: never into a shared cache.
                let cache = viewer == .public ? "public, max-age=300" : "private, no-store"
                return HTTPResponse(status: .ok, headers: [
                    "Content-Type": document.mediaType, "Cache-Control": cache, "X-Content-Type-Options": "nosniff",
                    "Content-Disposition": "attachment; filename=\"pengumuman-\(id)-\(document.id).\(document.fileExtension)\"",
                ], body: .bytes(bytes))
            }
        }
        routes.get(AnnouncementPaths.atom) { [self] request in
            feed(request) { context in
                let areas = try AnnouncementAreaChoices.load(service.database)
                let (area, kind) = try Self.announcementFilter(request, areas)
                let query = AnnouncementQuery(area: area, kind: kind, page: 1, pageSize: Self.atomEntries)
                let entries = try service.publicAnnouncements(query).items
                let scope = area.flatMap(areas.name).map { " · \($0)" } ?? ""
                let kindName = kind.map { " · \($0.displayName)" } ?? ""
                let xml = AtomFeed.render(AtomFeed.Feed(
                    idName: "e-musrenbang:\(areas.cityCode):pengumuman:\(area?.text ?? "semua"):\(kind?.rawValue ?? "semua")",
                    title: "Pengumuman Musrenbang \(areas.cityName)\(scope)\(kindName)",
                    subtitle: "Jadwal rapat, panduan teknis dan berita Musrenbang \(areas.cityName).",
                    author: "e-Musrenbang \(areas.cityName)",
                    selfPath: AnnouncementPaths.filtered(AnnouncementPaths.atom, area: area, kind: kind),
                    alternatePath: AnnouncementPaths.filtered(AnnouncementPaths.publicList, area: area, kind: kind),
                    updated: try service.publicAnnouncementsChanged(query) ?? Date(timeIntervalSince1970: 0), entries: entries))
                return Self.feedResponse(xml, type: "application/atom+xml; charset=utf-8")
            }
        }
        routes.get(AnnouncementPaths.schedule) { [self] request in
            handle(request) { context in
                let areas = try AnnouncementAreaChoices.load(service.database)
                let (area, _) = try Self.announcementFilter(request, areas)
                let meetings = try service.publishedMeetings(area: area, endingAfter: context.now, limit: 200)
                let head: HTML = """
                    <link rel="alternate" type="text/calendar" title="Kalender jadwal Musrenbang" \
                    href="\(AnnouncementPaths.filtered(AnnouncementPaths.calendar, area: area))">
                    """
                return page("Jadwal Musrenbang", context, head: head + Self.feedLinks(area: area, kind: .meeting, areas: areas),
                            PublicAnnouncementView.schedule(meetings: meetings, area: area, areas: areas, cycle: try service.currentCycle(),
                                                            now: context.now))
            }
        }
        routes.get(AnnouncementPaths.calendar) { [self] request in
            feed(request) { context in
                let areas = try AnnouncementAreaChoices.load(service.database)
                let (area, _) = try Self.announcementFilter(request, areas)
                let meetings = try service.publishedMeetings(area: area, endingAfter: context.now.addingTimeInterval(-Self.calendarPast), limit: 1_000)
                let name = "Jadwal Musrenbang " + (area.flatMap(areas.name) ?? areas.cityName)
                var response = Self.feedResponse(ICalendar.render(name: name, meetings: meetings, stamp: context.now),
                                                 type: "text/calendar; charset=utf-8")
                response.headers.set("Content-Disposition", "inline; filename=\"jadwal-musrenbang.ics\"")
                return response
            }
        }
    }

    /// A feed: the page's handling without the visitor's CSRF cookie, so that a shared cache may keep the answer.
    private func feed(_ request: HTTPRequest, _ body: (inout RequestContext) throws -> HTTPResponse) -> HTTPResponse {
        var response = handle(request, body)
        response.headers.remove("Set-Cookie")
        return response
    }

    private static func feedResponse(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": type, "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"],
                     body: .bytes(Array(text.utf8)))
    }

    /// The `<link rel="alternate">` of the Atom feed of an area and a kind (the whole city's when nil).
    private static func feedLinks(area: AnnouncementArea?, kind: AnnouncementKind?, areas: AnnouncementAreaChoices) -> HTML {
        let scope = area.flatMap(areas.name).map { " \($0)" } ?? ""
        return """
            <link rel="alternate" type="application/atom+xml" title="Pengumuman Musrenbang\(scope)" \
            href="\(AnnouncementPaths.filtered(AnnouncementPaths.atom, area: area, kind: kind))">
            """
    }

    /// The address's area (`wilayah`) and kind (`jenis`); empty is none, one the city does not have is a 404.
    private static func announcementFilter(_ request: HTTPRequest, _ areas: AnnouncementAreaChoices) throws
        -> (area: AnnouncementArea?, kind: AnnouncementKind?) {
        var area: AnnouncementArea?
        if let text = request.queryValue("wilayah"), !text.isEmpty {
            guard let parsed = AnnouncementArea(text: text), areas.name(parsed) != nil else { throw PortalError.notFound }
            area = parsed
        }
        var kind: AnnouncementKind?
        if let text = request.queryValue("jenis"), !text.isEmpty {
            guard let parsed = AnnouncementKind(rawValue: text) else { throw PortalError.notFound }
            kind = parsed
        }
        return (area, kind)
    }
}
