import Foundation
import Musrenbang

/// One account for the admin sistem: who it is (with the personal data only the admin sees), its roles each with a
/// remove button, and the action forms: add a role, hand a role over to another account, deactivate or reactivate
/// with a reason, reset the password. A refused action shows its errors at the top, with the answers kept.
enum AccountDetailView {
    struct Answers {
        var choice: RoleChoice?
        var successor = ""
        var reason = ""
    }

    static func render(_ account: Account, directory: ScopeDirectory, csrfToken: String, errors: [FieldError] = [],
                       answers: Answers = Answers()) -> HTML {
        let csrf = FormViews.csrf(csrfToken)
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        let facts: [(String, String)] = [
            ("Nama pengguna", account.username), ("Nama lengkap", account.displayName),
            ("Keadaan", account.active ? "Aktif" : "Nonaktif: tidak dapat masuk"),
            ("NIK", account.nik ?? "–"), ("Telepon", account.phone ?? "–"), ("E-mail", account.email ?? "–"),
            ("Dibuat", WIBTime.format(account.createdAt)),
        ]
        // Pairs straight inside the <dl>, as ProposalFactsView: the grid of `.facts` lays them out.
        let factRows = facts.map { label, value -> HTML in "<dt>\(label)</dt><dd>\(value)</dd>" }
        let roles = account.roles.map { role -> HTML in
            """
            <li>\(directory.label(role))
            <form method="post" action="\(AccountsPaths.roles(account.id))" class="inline">\(csrf)
            <input type="hidden" name="aksi" value="hapus"><input type="hidden" name="peran" value="\(role.role.rawValue)">
            <input type="hidden" name="cakupan" value="\(role.scope.text)">
            <button type="submit" class="link">Cabut peran ini</button></form></li>
            """
        }
        let roleList: HTML = account.roles.isEmpty ? "<p>Akun ini belum memegang peran apa pun.</p>" : "<ul>\(roles)</ul>"
        let handOverChoices = SelectGroup(label: nil, options: account.roles.map {
            SelectOption(value: "\($0.role.rawValue)|\($0.scope.text)", text: directory.label($0))
        })
        let statusForm: HTML = """
            <section aria-labelledby="status-judul"><h2 id="status-judul">\(account.active ? "Nonaktifkan akun" : "Aktifkan kembali akun")</h2>
            <p>\(account.active ? "Akun yang dinonaktifkan tidak dapat masuk lagi; riwayatnya tetap tersimpan." : "Akun ini akan dapat masuk lagi dengan perannya.")</p>
            <form method="post" action="\(AccountsPaths.status(account.id))">\(csrf)
            <input type="hidden" name="aktif" value="\(account.active ? "0" : "1")">
            \(FormViews.field("alasan", label: "Alasan", value: answers.reason, hint: "Misalnya: pindah tugas ke kecamatan lain.", error: error("alasan")))
            <button type="submit">\(account.active ? "Nonaktifkan" : "Aktifkan kembali")</button>
            </form></section>
            """
        return """
            \(FormViews.errorSummary(errors))
            <p><a href="\(AccountsPaths.list)">‹ Daftar akun</a></p>
            <h1>\(account.displayName)</h1>
            <dl class="facts">\(factRows)</dl>
            <p class="muted">NIK, telepon dan e-mail hanya ditampilkan kepada Admin Sistem.</p>
            <section aria-labelledby="peran-judul"><h2 id="peran-judul">Peran</h2>
            \(roleList)
            <h3>Tambah peran</h3>
            <form method="post" action="\(AccountsPaths.roles(account.id))">\(csrf)
            <input type="hidden" name="aksi" value="tambah">
            \((answers.choice ?? RoleChoice(role: nil, scope: nil, directory: directory)).fields(directory: directory, errors: errors))
            <button type="submit">Tambah peran</button>
            </form></section>
            \(account.roles.isEmpty ? .empty : """
            <section aria-labelledby="serah-judul"><h2 id="serah-judul">Serahkan peran ke petugas lain</h2>
            <p>Saat petugas berganti: peran dicabut dari akun ini dan diberikan ke akun petugas baru dalam satu langkah yang tercatat. Tidak ada kata sandi yang berpindah tangan.</p>
            <form method="post" action="\(AccountsPaths.handOver(account.id))">\(csrf)
            \(FormViews.select("serah_peran", label: "Peran yang diserahkan", placeholder: "Pilih peran", groups: [handOverChoices], selected: nil, error: error("serah_peran")))
            \(FormViews.field("akun_baru", label: "Nama pengguna petugas baru", value: answers.successor, hint: "Buat dahulu akunnya bila belum ada.", error: error("akun_baru"), autocomplete: "off"))
            \(FormViews.field("alasan_serah", label: "Alasan (tidak wajib)", value: "", error: nil, required: false))
            <button type="submit">Serahkan peran</button>
            </form></section>
            """ as HTML)
            \(statusForm)
            <section aria-labelledby="sandi-judul"><h2 id="sandi-judul">Atur ulang kata sandi</h2>
            <p>Portal membuat kata sandi baru yang kuat dan menampilkannya sekali saja. Kata sandi lama tidak berlaku lagi.</p>
            <form method="post" action="\(AccountsPaths.password(account.id))">\(csrf)
            <button type="submit">Buat kata sandi baru</button>
            </form></section>
            <p><a href="/kerja/log-admin?entitas=account">Log perubahan akun</a></p>
            """
    }
}
