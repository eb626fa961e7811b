import HTTPServer
import Musrenbang

/// A signed-in account's notifications (`/notifikasi`): the newest first, unread ones marked; "Buka" marks one read
/// and goes to its page, "Tandai semua sudah dibaca" marks them all. Only the account's own: another account's
/// notification is the same 404 as one that does not exist. Reading changes nothing (state changes only by POST).
extension Portal {
    func notificationRoutes(_ routes: inout RouteTable) {
        routes.get(NotificationPaths.list) { [self] request in
            handle(request) { context in
                guard let account = context.account else { throw PortalError.signInRequired(returnTo: context.returnPath) }
                let items = try service.notifications(of: account.id)
                return page("Notifikasi", context, NotificationsView.render(items, csrfToken: context.csrfToken))
            }
        }
        routes.post(NotificationPaths.readAll) { [self] request in
            handle(request) { context in
                guard let account = context.account else { throw PortalError.signInRequired(returnTo: NotificationPaths.list) }
                _ = try verifiedForm(context)
                try service.markNotificationsRead(of: account.id)
                if let session = context.session { try sessions.setFlash("Semua notifikasi ditandai sudah dibaca.", idHash: session.idHash) }
                return .redirect(to: NotificationPaths.list)
            }
        }
        routes.post(NotificationPaths.openPattern) { [self] request in
            handle(request) { context in
                guard let account = context.account else { throw PortalError.signInRequired(returnTo: NotificationPaths.list) }
                _ = try verifiedForm(context)
                guard let id = request.pathParameters["id"].flatMap({ Int64($0) }),
                      try service.markNotificationsRead(of: account.id, id: id),
                      let item = try service.notification(id, of: account.id)
                else { throw PortalError.notFound }
                return .redirect(to: Portal.localPath(item.link))
            }
        }
    }
}
