import Foundation
import Musrenbang

/// Bappeda's kamus usulan: the list with SSH prices and the add form; one item with its change form, its
/// (de)activation and its admin-log history.
enum KamusView {
    struct Catalog {
        let bidang: [Bidang]
        let opds: [OPD]

        func bidangName(_ id: BidangID) -> String { bidang.first { $0.id == id }?.name ?? "-" }
        func opdName(_ id: OPDID) -> String { opds.first { $0.id == id }?.shortName ?? "-" }
    }

    struct ListPage {
        let items: [KamusItem]
        let catalog: Catalog
        let form: KamusForm
        let csrfToken: String
        var notice: RefusalNotice?
    }

    struct ItemPage {
        let item: KamusItem
        let catalog: Catalog
        let form: KamusForm
        let statusReason: String
        let statusError: String?
        let history: AdminHistory
        let csrfToken: String
    }

    static func list(_ page: ListPage) -> HTML {
        let rows = page.items.map { item -> HTML in
            """
            <tr><td class="code">\(item.code)</td><th scope="row"><a href="\(KamusPaths.item(item.id.rawValue))">\(item.name)</a></th>\
            <td>\(page.catalog.bidangName(item.bidangId))</td><td>\(page.catalog.opdName(item.opdId))</td><td>\(item.unit)</td>\
            <td class="num">\(Rupiah.format(item.unitPrice))</td><td>\(item.isFisik ? "Fisik" : "Non-fisik")</td><td>\(item.active ? "Aktif" : "Nonaktif")</td></tr>
            """
        }
        return """
            \(FormViews.errorSummary(page.form.errors))
            \(page.notice?.html ?? .empty)
            <h1>Kamus usulan</h1>
            <p class="lead">Kegiatan yang dapat diusulkan warga, dengan harga Standar Satuan Harga (SSH). Harga baru berlaku untuk usulan berikutnya; usulan yang sudah ada tetap dengan harganya.</p>
            <table class="kamus">
            <thead><tr><th scope="col">Kode</th><th scope="col">Kegiatan</th><th scope="col">Bidang</th><th scope="col">Perangkat daerah</th>\
            <th scope="col">Satuan</th><th scope="col">Harga SSH</th><th scope="col">Jenis</th><th scope="col">Keadaan</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            <section class="decide" aria-labelledby="tambah">
            <h2 id="tambah">Tambah kegiatan</h2>
            <form method="post" action="\(KamusPaths.list)" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.field("kode", label: "Kode", value: page.form.code, hint: "Tidak dapat diubah kemudian.", error: page.form.error("kode")))
            \(fields(page.form, catalog: page.catalog, reasonHint: "Boleh dikosongkan."))
            <button type="submit" class="button">Tambah</button>
            </form>
            </section>
            """
    }

    static func item(_ page: ItemPage) -> HTML {
        let item = page.item
        let toggle: HTML = item.active ? "Nonaktifkan" : "Aktifkan kembali"
        let statusField = FormViews.textArea("alasan-status", label: "Alasan", value: page.statusReason, hint: "Wajib. Dicatat pada log admin.",
                                             error: page.statusError, rows: 2)
        let errors = page.form.errors + (page.statusError.map { [FieldError(field: "alasan-status", message: $0)] } ?? [])
        return """
            <p class="back"><a href="\(KamusPaths.list)">‹ Kembali ke kamus usulan</a></p>
            \(FormViews.errorSummary(errors))
            <h1>\(item.name)</h1>
            <p class="meta"><span class="code">\(item.code)</span> \(item.active ? "Aktif" : "Nonaktif"), harga SSH \(Rupiah.format(item.unitPrice)) per \(item.unit)</p>
            <section class="decide" aria-labelledby="ubah">
            <h2 id="ubah">Ubah kegiatan</h2>
            <form method="post" action="\(KamusPaths.item(item.id.rawValue))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(fields(page.form, catalog: page.catalog, reasonHint: "Wajib bila harga SSH berubah. Dicatat pada log admin."))
            <button type="submit" class="button">Simpan perubahan</button>
            </form>
            </section>
            <section class="decide" aria-labelledby="keadaan">
            <h2 id="keadaan">\(toggle)</h2>
            <p>\(item.active ? "Kegiatan nonaktif tidak dapat dipilih untuk usulan baru; usulan lama tetap memakainya." : "Kegiatan aktif dapat dipilih lagi untuk usulan baru.")</p>
            <form method="post" action="\(KamusPaths.status(item.id.rawValue))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            <input type="hidden" name="aktif" value="\(item.active ? "tidak" : "ya")">
            \(statusField)
            <button type="submit" class="button secondary">\(toggle)</button>
            </form>
            </section>
            <h2>Riwayat perubahan</h2>
            \(history(page))
            """
    }

    private static func fields(_ form: KamusForm, catalog: Catalog, reasonHint: String) -> HTML {
        let bidang = catalog.bidang.map { SelectOption(value: String($0.id.rawValue), text: $0.name) }
        let opds = catalog.opds.map { SelectOption(value: String($0.id.rawValue), text: "\($0.shortName) - \($0.name)") }
        let kinds = [SelectOption(value: "ya", text: "Fisik"), SelectOption(value: "tidak", text: "Non-fisik")]
        return """
            \(FormViews.field("nama", label: "Nama kegiatan", value: form.name, error: form.error("nama")))
            \(FormViews.select("bidang", label: "Bidang", placeholder: "(pilih bidang)", groups: [SelectGroup(label: nil, options: bidang)],
                               selected: form.bidang, error: form.error("bidang")))
            \(FormViews.select("opd", label: "Perangkat daerah pelaksana", placeholder: "(pilih perangkat daerah)",
                               groups: [SelectGroup(label: nil, options: opds)], selected: form.opd, error: form.error("opd")))
            \(FormViews.field("satuan", label: "Satuan", value: form.unit, hint: "Misalnya meter, unit, paket, orang.", error: form.error("satuan")))
            \(FormViews.field("harga", label: "Harga satuan SSH (rupiah)", value: form.price, error: form.error("harga"), inputMode: "numeric"))
            \(FormViews.select("fisik", label: "Jenis", placeholder: "(pilih jenis)", groups: [SelectGroup(label: nil, options: kinds)],
                               selected: form.fisik, error: form.error("fisik")))
            \(FormViews.textArea("alasan", label: "Alasan", value: form.reason, hint: reasonHint, error: form.error("alasan"), rows: 2, required: false))
            """
    }

    private static func history(_ page: ItemPage) -> HTML {
        AdminHistoryView.render(page.history) { entry -> HTML in
            let what: String = switch entry.action {
            case .create: "Ditambahkan"
            case .deactivate: "Dinonaktifkan"
            case .reactivate: "Diaktifkan kembali"
            default: "Diubah"
            }
            var changes: [String] = []
            if case .integer(let old)? = entry.before?["unit_price"], case .integer(let new)? = entry.after?["unit_price"], old != new {
                changes.append("harga SSH \(Rupiah.format(old)) menjadi \(Rupiah.format(new))")
            }
            if case .text(let old)? = entry.before?["name"], case .text(let new)? = entry.after?["name"], old != new {
                changes.append("nama \"\(old)\" menjadi \"\(new)\"")
            }
            let detail: HTML = changes.isEmpty ? .empty : " (\(changes.joined(separator: "; ")))"
            let reason: HTML = entry.reason.map { "<br>Alasan: \($0)" } ?? .empty
            return "<li><strong>\(what)</strong>\(detail) \(page.history.byline(entry))\(reason)</li>"
        }
    }
}
