import Foundation
import HTTPServer
import Musrenbang

/// A proposal's attachment at `/lampiran/{id}`: sent as a download (`Content-Disposition: attachment`) with the
/// content type stored when it was checked, never sniffed, never kept by shared caches; only to viewers with full
/// access to the proposal (the engine's `attachmentFile`). Anyone else or a missing id:
/// the 404 page, as for an attachment that does not exist.
extension Portal {
    func attachmentRoutes(_ routes: inout RouteTable) {
        routes.get(AttachmentPaths.pattern) { [self] request in
            handle(request) { context in try attachmentDownload(context) }
        }
    }

    private func attachmentDownload(_ context: RequestContext) throws -> HTTPResponse {
        guard let raw = context.request.pathParameters["id"], let id = Int64(raw), id > 0 else {
            throw PortalError.notFound
        }
        let viewer: Viewer = context.actor.map { .actor($0) } ?? .public
        let (attachment, bytes) = try service.attachmentFile(AttachmentID(id), viewer: viewer)
        return HTTPResponse(status: .ok, headers: [
            "Content-Type": attachment.mediaType,
            "Content-Disposition": AttachmentPaths.disposition(attachment.fileName),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        ], body: .bytes(bytes))
    }
}
