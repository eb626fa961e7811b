import Foundation
import HTTPServer
import Musrenbang

/// Bappeda's wilayah (`/kerja/master/wilayah`): the kecamatan and kelurahan with add and rename, one kelurahan's RW and
/// RT with add (`addKecamatan`, `renameKecamatan`, `addKelurahan`, `renameKelurahan`, `addRW`, `addRT`: the engine
/// checks the role, the account and each value, and logs each change). Nothing is deleted.
extension Portal {
    func wilayahRoutes(_ routes: inout RouteTable) {
        routes.get(WilayahPaths.list) { [self] request in
            handle(request) { context in try wilayahList(context, form: WilayahForm(), desk: try BappedaDesk(context, rule: WilayahPaths.rule)) }
        }
        routes.post(WilayahPaths.kecamatan) { [self] request in
            handle(request) { context in try saveWilayah(context, .addKecamatan) }
        }
        routes.post(WilayahPaths.kecamatan + "/:id") { [self] request in
            handle(request) { context in try saveWilayah(context, .renameKecamatan(try wilayahId(request))) }
        }
        routes.post(WilayahPaths.kelurahan) { [self] request in
            handle(request) { context in try saveWilayah(context, .addKelurahan) }
        }
        routes.post(WilayahPaths.kelurahan + "/:id") { [self] request in
            handle(request) { context in try saveWilayah(context, .renameKelurahan(try wilayahId(request))) }
        }
        routes.get(WilayahPaths.kelurahan + "/:id") { [self] request in
            handle(request) { context in
                let desk = try BappedaDesk(context, rule: WilayahPaths.rule)
                return try wilayahKelurahan(context, id: try wilayahId(request), form: WilayahForm(), desk: desk)
            }
        }
        routes.post(WilayahPaths.kelurahan + "/:id/rw") { [self] request in
            handle(request) { context in try saveNeighbourhood(context, .addRW, kelurahanId: try wilayahId(request)) }
        }
        routes.post(WilayahPaths.kelurahan + "/:id/rt") { [self] request in
            handle(request) { context in try saveNeighbourhood(context, .addRT, kelurahanId: try wilayahId(request)) }
        }
    }

    private func wilayahId(_ request: HTTPRequest) throws -> Int64 {
        guard let id = request.pathParameters["id"].flatMap({ Int64($0) }) else { throw PortalError.notFound }
        return id
    }

    private func wilayahKota() throws -> KotaID {
        guard let id = try service.database.read({ db -> Int64? in try db.scalar("SELECT id FROM kota ORDER BY id LIMIT 1") }) else {
            throw PortalError.notFound
        }
        return KotaID(id)
    }

    private func wilayahList(_ context: RequestContext, form: WilayahForm, desk: BappedaDesk, status: HTTPStatus = .ok) throws -> HTTPResponse {
        let kota = try wilayahKota()
        let (kecamatan, kelurahan) = try service.database.read { db in
            let wilayah = WilayahRepository(db)
            return (try wilayah.kecamatanList(kotaId: kota), try wilayah.kelurahanList(kotaId: kota))
        }
        let history = try [("Kecamatan", AdminEntity.kecamatan), ("Kelurahan", .kelurahan), ("RW", .rw), ("RT", .rt)].map { title, entity in
            (title, try adminHistory(AdminLogFilter(entity: entity), limit: 20, by: desk.actor))
        }
        let view = WilayahView.ListPage(kecamatan: kecamatan, kelurahan: kelurahan, form: form, history: history, csrfToken: context.csrfToken)
        return page("Wilayah", context, status: status, WilayahView.list(view))
    }

    private func wilayahKelurahan(_ context: RequestContext, id: Int64, form: WilayahForm, desk: BappedaDesk,
                                  status: HTTPStatus = .ok) throws -> HTTPResponse {
        _ = desk
        let (kelurahan, kecamatan, rws) = try service.database.read { db in
            let wilayah = WilayahRepository(db)
            guard let kelurahan = try? wilayah.kelurahan(id: KelurahanID(id)) else { throw PortalError.notFound }
            let rws = try wilayah.rws(kelurahanId: kelurahan.id).map { rw in (rw, try wilayah.rts(rwId: rw.id)) }
            return (kelurahan, try wilayah.kecamatan(id: kelurahan.kecamatanId), rws)
        }
        let view = WilayahView.KelurahanPage(kelurahan: kelurahan, kecamatan: kecamatan, rws: rws, form: form, csrfToken: context.csrfToken)
        return page("Kelurahan \(kelurahan.name)", context, status: status, WilayahView.kelurahan(view))
    }

    private func saveWilayah(_ context: RequestContext, _ change: WilayahForm.Change) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: WilayahPaths.rule)
        var form = WilayahForm(try verifiedForm(context), change: change)
        guard form.errors.isEmpty else { return try wilayahList(context, form: form, desk: desk, status: .unprocessableContent) }
        do {
            let done: String
            switch change {
            case .addKecamatan:
                let saved = try service.addKecamatan(kotaId: try wilayahKota(), code: form.trimmed("kecamatan-kode"),
                                                     name: form.trimmed("kecamatan-nama"), by: desk.actor)
                done = "Kecamatan \(saved.name) ditambahkan."
            case .renameKecamatan(let id):
                let saved = try service.renameKecamatan(KecamatanID(id), to: form.trimmed(WilayahForm.renameField("kecamatan", id)), by: desk.actor)
                done = "Nama kecamatan \(saved.code) diubah menjadi \(saved.name)."
            case .addKelurahan:
                guard let parent = Int64(form.trimmed("kelurahan-kecamatan")) else { throw PortalError.notFound }
                let saved = try service.addKelurahan(kecamatanId: KecamatanID(parent), code: form.trimmed("kelurahan-kode"),
                                                     name: form.trimmed("kelurahan-nama"), by: desk.actor)
                done = "Kelurahan \(saved.name) ditambahkan."
            case .renameKelurahan(let id):
                let saved = try service.renameKelurahan(KelurahanID(id), to: form.trimmed(WilayahForm.renameField("kelurahan", id)), by: desk.actor)
                done = "Nama kelurahan \(saved.code) diubah menjadi \(saved.name)."
            case .addRW, .addRT:
                throw PortalError.notFound
            }
            try flash(done, context)
            return .redirect(to: WilayahPaths.list)
        } catch PersistenceError.notFound(_) {
            throw PortalError.notFound
        } catch {
            guard let fields = form.fieldErrors(for: error) else { throw error }
            form.errors += fields
            return try wilayahList(context, form: form, desk: desk, status: .unprocessableContent)
        }
    }

    private func saveNeighbourhood(_ context: RequestContext, _ change: WilayahForm.Change, kelurahanId: Int64) throws -> HTTPResponse {
        let desk = try BappedaDesk(context, rule: WilayahPaths.rule)
        var form = WilayahForm(try verifiedForm(context), change: change)
        guard form.errors.isEmpty else {
            return try wilayahKelurahan(context, id: kelurahanId, form: form, desk: desk, status: .unprocessableContent)
        }
        do {
            let done: String
            if change == .addRW {
                let saved = try service.addRW(kelurahanId: KelurahanID(kelurahanId), number: form.number("rw-nomor"), by: desk.actor)
                done = "RW \(String(format: "%02d", saved.number)) ditambahkan."
            } else {
                guard let rwId = Int64(form.trimmed("rt-rw")) else { throw PortalError.notFound }
                // The RW must be one of this kelurahan's.
                let rw = try service.database.read { db in try WilayahRepository(db).rw(id: RWID(rwId)) }
                guard rw.kelurahanId.rawValue == kelurahanId else { throw PortalError.notFound }
                let saved = try service.addRT(rwId: rw.id, number: form.number("rt-nomor"), by: desk.actor)
                done = "RT \(String(format: "%02d", saved.number)) ditambahkan di RW \(String(format: "%02d", rw.number))."
            }
            try flash(done, context)
            return .redirect(to: WilayahPaths.kelurahan(kelurahanId))
        } catch PersistenceError.notFound(_) {
            throw PortalError.notFound
        } catch {
            guard let fields = form.fieldErrors(for: error) else { throw error }
            form.errors += fields
            return try wilayahKelurahan(context, id: kelurahanId, form: form, desk: desk, status: .unprocessableContent)
        }
    }
}
