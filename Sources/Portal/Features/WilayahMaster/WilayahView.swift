import Foundation
import Musrenbang

/// Bappeda's wilayah: every kecamatan with its kelurahan (a rename form each, a link to the kelurahan's RW and RT),
/// the add forms, and the changes from the admin log; and one kelurahan's RW with their RT and the add forms.
enum WilayahView {
    struct ListPage {
        let kecamatan: [Kecamatan]
        let kelurahan: [Kelurahan]
        let form: WilayahForm
        let history: [(String, AdminHistory)]
        let csrfToken: String
    }

    struct KelurahanPage {
        let kelurahan: Kelurahan
        let kecamatan: Kecamatan
        let rws: [(RukunWarga, [RukunTetangga])]
        let form: WilayahForm
        let csrfToken: String
    }

    static func list(_ page: ListPage) -> HTML {
        let form = page.form
        func renameForm(_ kind: String, _ id: Int64, _ code: String, _ name: String, action: String) -> HTML {
            let field = WilayahForm.renameField(kind, id)
            let mine = form.texts[field] != nil
            return """
                <form method="post" action="\(action)" class="row-form" novalidate>
                \(FormViews.csrf(page.csrfToken))
                \(FormViews.field(field, label: "Nama \(kind) \(code)", value: mine ? form.text(field) : name, error: form.error(field)))
                <button type="submit" class="button secondary">Ubah nama</button>
                </form>
                """
        }
        let sections = page.kecamatan.map { kecamatan -> HTML in
            let mine = page.kelurahan.filter { $0.kecamatanId == kecamatan.id }
            let items = mine.map { kelurahan -> HTML in
                """
                <li>\(renameForm("kelurahan", kelurahan.id.rawValue, kelurahan.code, kelurahan.name, action: WilayahPaths.kelurahan(kelurahan.id.rawValue)))
                <a href="\(WilayahPaths.kelurahan(kelurahan.id.rawValue))">RW dan RT Kelurahan \(kelurahan.name)</a></li>
                """
            }
            let list: HTML = mine.isEmpty ? "<p>Belum ada kelurahan.</p>" : "<ul class=\"wilayah\">\(items)</ul>"
            return """
                <section aria-labelledby="kecamatan-\(kecamatan.id.rawValue)">
                <h2 id="kecamatan-\(kecamatan.id.rawValue)">Kecamatan \(kecamatan.name) <small>(\(kecamatan.code))</small></h2>
                \(renameForm("kecamatan", kecamatan.id.rawValue, kecamatan.code, kecamatan.name, action: WilayahPaths.kecamatan(kecamatan.id.rawValue)))
                \(list)
                </section>
                """
        }
        let options = page.kecamatan.map { SelectOption(value: "\($0.id.rawValue)", text: $0.name) }
        let histories = page.history.map { title, entries -> HTML in "<h3>\(title)</h3>\(history(entries))" }
        return """
            \(FormViews.errorSummary(form.errors))
            <h1>Wilayah</h1>
            <p class="lead">Kecamatan dan kelurahan kota beserta RW dan RT-nya. Kode tidak dapat diubah; nama dapat. Wilayah yang sudah \
            ditambahkan tidak dihapus, karena usulan dan akun dapat merujuknya.</p>
            \(sections)
            <section class="decide" aria-labelledby="tambah-kecamatan">
            <h2 id="tambah-kecamatan">Tambah kecamatan</h2>
            <form method="post" action="\(WilayahPaths.kecamatan)" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.field("kecamatan-kode", label: "Kode", value: form.text("kecamatan-kode"), error: form.error("kecamatan-kode")))
            \(FormViews.field("kecamatan-nama", label: "Nama", value: form.text("kecamatan-nama"), error: form.error("kecamatan-nama")))
            <button type="submit" class="button">Tambah kecamatan</button>
            </form>
            </section>
            <section class="decide" aria-labelledby="tambah-kelurahan">
            <h2 id="tambah-kelurahan">Tambah kelurahan</h2>
            <form method="post" action="\(WilayahPaths.kelurahan)" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.select("kelurahan-kecamatan", label: "Kecamatan", placeholder: "(pilih kecamatan)", groups: [SelectGroup(label: nil, options: options)],
                               selected: form.texts["kelurahan-kecamatan"], error: form.error("kelurahan-kecamatan")))
            \(FormViews.field("kelurahan-kode", label: "Kode", value: form.text("kelurahan-kode"), error: form.error("kelurahan-kode")))
            \(FormViews.field("kelurahan-nama", label: "Nama", value: form.text("kelurahan-nama"), error: form.error("kelurahan-nama")))
            <button type="submit" class="button">Tambah kelurahan</button>
            </form>
            </section>
            <h2 id="riwayat">Riwayat perubahan</h2>
            \(histories)
            """
    }

    static func kelurahan(_ page: KelurahanPage) -> HTML {
        let form = page.form
        let rows = page.rws.map { rw, rts -> HTML in
            let numbers = rts.map { String(format: "%02d", $0.number) }.joined(separator: ", ")
            return "<tr><th scope=\"row\">RW \(String(format: "%02d", rw.number))</th><td>\(rts.isEmpty ? "belum ada RT" : "RT \(numbers)")</td></tr>"
        }
        let options = page.rws.map { rw, _ in SelectOption(value: "\(rw.id.rawValue)", text: "RW \(String(format: "%02d", rw.number))") }
        let id = page.kelurahan.id.rawValue
        return """
            \(FormViews.errorSummary(form.errors))
            <p><a href="\(WilayahPaths.list)">Kembali ke daftar wilayah</a></p>
            <h1>RW dan RT Kelurahan \(page.kelurahan.name)</h1>
            <p class="lead">Kecamatan \(page.kecamatan.name). Nomor yang sudah ditambahkan tidak dihapus.</p>
            <table><thead><tr><th scope="col">RW</th><th scope="col">RT</th></tr></thead><tbody>\(rows)</tbody></table>
            <section class="decide" aria-labelledby="tambah-rw">
            <h2 id="tambah-rw">Tambah RW</h2>
            <form method="post" action="\(WilayahPaths.rw(id))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.field("rw-nomor", label: "Nomor RW", value: form.text("rw-nomor"), error: form.error("rw-nomor"), inputMode: "numeric"))
            <button type="submit" class="button">Tambah RW</button>
            </form>
            </section>
            <section class="decide" aria-labelledby="tambah-rt">
            <h2 id="tambah-rt">Tambah RT</h2>
            <form method="post" action="\(WilayahPaths.rt(id))" novalidate>
            \(FormViews.csrf(page.csrfToken))
            \(FormViews.select("rt-rw", label: "RW", placeholder: "(pilih RW)", groups: [SelectGroup(label: nil, options: options)],
                               selected: form.texts["rt-rw"], error: form.error("rt-rw")))
            \(FormViews.field("rt-nomor", label: "Nomor RT", value: form.text("rt-nomor"), error: form.error("rt-nomor"), inputMode: "numeric"))
            <button type="submit" class="button">Tambah RT</button>
            </form>
            </section>
            """
    }

    /// One history list: each change as "Ditambahkan: ..." or "lama menjadi baru", with who and when.
    private static func history(_ history: AdminHistory) -> HTML {
        AdminHistoryView.render(history) { entry -> HTML in
            func text(_ snapshot: AdminSnapshot?) -> String? {
                if case .text(let name)? = snapshot?["name"] {
                    if case .text(let code)? = snapshot?["code"] { return "\(name) (\(code))" }
                    return name
                }
                if case .integer(let number)? = snapshot?["number"] { return String(format: "%02d", Int(number)) }
                return nil
            }
            let what: String = switch (entry.action, text(entry.before), text(entry.after)) {
            case (.create, _, let new?): "Ditambahkan: \(new)"
            case (.update, let old?, let new?): "\(old) menjadi \(new)"
            default: "Diubah"
            }
            return "<li>\(what), \(history.byline(entry))</li>"
        }
    }
}
