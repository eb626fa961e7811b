import HTTPServer
import Musrenbang

/// A proposal's photos: the small version at `/foto/{id}/kecil`, the original at `/foto/{id}`, only to viewers with
/// full access to the proposal (404 otherwise, as for a missing photo); never stored by shared caches. A photo of a
/// form not saved yet: `/foto-sementara/{id}`, only to the account that uploaded it.
extension Portal {
    func photoRoutes(_ routes: inout RouteTable) {
        routes.get("/foto/:id/kecil") { [self] request in
            handle(request) { context in try photoResponse(context, variant: .small) }
        }
        routes.get("/foto/:id") { [self] request in
            handle(request) { context in try photoResponse(context, variant: .original) }
        }
        routes.get("/foto-sementara/:id") { [self] request in
            handle(request) { context in
                let signedIn = try SignedIn(context)
                guard let raw = context.request.pathParameters["id"], let id = Int64(raw), id > 0 else { throw PortalError.notFound }
                let bytes = try service.pendingPhotoSmall(PendingPhotoID(id), by: signedIn.actor)
                return HTTPResponse(status: .ok, headers: ["Content-Type": "image/jpeg", "Cache-Control": "private, max-age=3600",
                                                           "X-Content-Type-Options": "nosniff"],
                                    body: .bytes(bytes))
            }
        }
    }

    private func photoResponse(_ context: RequestContext, variant: PhotoVariant) throws -> HTTPResponse {
        guard let raw = context.request.pathParameters["id"], let id = Int64(raw), id > 0 else { throw PortalError.notFound }
        let viewer: Viewer = context.actor.map { .actor($0) } ?? .public
        let photo = try service.photoBytes(ProposalPhotoID(id), variant: variant, viewer: viewer)
        return HTTPResponse(status: .ok, headers: ["Content-Type": photo.mediaType, "Cache-Control": "private, max-age=3600",
                                                   "X-Content-Type-Options": "nosniff"],
                            body: .bytes(photo.bytes))
    }
}
