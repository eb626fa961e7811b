import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's group shares (`/kerja/pagu/bagian?tingkat=...`, of the cycle `CycleChoice` reads from `?siklus=`): the shares of every envelope of a level, saved through
/// the engine's `setGroupShares` (which checks the role, the rules and logs the change); a table read at an older
/// version is refused with 409.
extension Portal {
    func groupShareRoutes(_ routes: inout RouteTable) {
        routes.get(GroupSharePaths.page) { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context, rule: GroupSharePaths.rule)
                guard let choice = try CycleChoice(context, service: service) else { return noCycleForShares(context) }
                let level = GroupSharePaths.levels.first { $0.rawValue == request.queryValue("tingkat") } ?? .kelurahan
                let board = try GroupShareBoard.load(choice.cycle, level: level, database: service.database)
                return try groupSharePage(context, choice: choice, board: board, form: GroupShareForm(), desk: desk)
            }
        }
        routes.post(GroupSharePaths.page) { [self] request in
            handle(request) { context in try saveGroupShares(context) }
        }
    }

    private func noCycleForShares(_ context: RequestContext) -> HTTPResponse {
        page("Porsi kelompok pagu", context, "<h1>Porsi kelompok pagu</h1><p class=\"lead\">Belum ada siklus perencanaan.</p>")
    }

    private func groupSharePage(_ context: RequestContext, choice: CycleChoice, board: GroupShareBoard, form: GroupShareForm, desk: BappedaDesk,
                                status: HTTPStatus = .ok, notice: RefusalNotice? = nil) throws -> HTTPResponse {
        let history = try adminHistory(AdminLogFilter(entity: .groupShares, key: "\(board.level.rawValue):semua", cycleId: board.cycle.id),
                                       limit: 100, by: desk.actor)
        let view = GroupShareView.Page(choice: choice, board: board, form: form, history: history, csrfToken: context.csrfToken, notice: notice)
        return page("Porsi kelompok pagu", context, status: status, GroupShareView.render(view))
    }

    private func saveGroupShares(_ context: RequestContext) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: GroupSharePaths.rule)
        let submitted = try verifiedForm(context)
        guard let choice = try CycleChoice(context, service: service) else { return noCycleForShares(context) }
        let cycle = choice.cycle
        guard let level = GroupSharePaths.levels.first(where: { $0.rawValue == submitted["tingkat"] }) else { throw PortalError.notFound }
        let board = try GroupShareBoard.load(cycle, level: level, database: service.database)
        var form = GroupShareForm(submitted, board: board)
        guard form.version == board.version else {
            let notice = RefusalNotice(rule: "Porsi kelompok sudah diubah orang lain sejak halaman ini dibuka; perubahan Anda tidak disimpan.",
                                       next: "Tabel di bawah berisi porsi terbaru. Periksa lalu ulangi perubahan Anda.")
            return try groupSharePage(context, choice: choice, board: board, form: GroupShareForm(), desk: desk, status: .conflict, notice: notice)
        }
        guard form.errors.isEmpty else { return try groupSharePage(context, choice: choice, board: board, form: form, desk: desk, status: .unprocessableContent) }
        guard Set(form.shares) != Set(board.stored) else {
            try flash("Tidak ada porsi yang berubah.", context)
            return .redirect(to: choice.path(GroupSharePaths.level(level)))
        }
        do {
            _ = try service.setGroupShares(cycleId: cycle.id, level: level, shares: form.shares, reason: form.trimmedReason, by: desk.actor)
        } catch let error as DomainError {
            switch error {
            case .roleNotAllowed: throw error
            case .reasonRequired:
                form.errors.append(FieldError(field: "alasan", message: "Tulis alasan perubahan: sudah ada berita acara yang dikunci."))
            case .invalidFields(let fields):
                form.errors += fields.map { FieldError(field: "porsi", message: $0.message) }
            default:
                return try groupSharePage(context, choice: choice, board: board, form: form, desk: desk, status: .unprocessableContent, notice: RefusalNotice(error))
            }
            return try groupSharePage(context, choice: choice, board: board, form: form, desk: desk, status: .unprocessableContent)
        }
        try flash("Porsi kelompok \(GroupShareBoard.levelName(level)) disimpan.", context)
        return .redirect(to: choice.path(GroupSharePaths.level(level)))
    }
}
