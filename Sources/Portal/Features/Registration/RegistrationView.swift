import Musrenbang

/// The registration page: the home chosen a level at a time (kelurahan, then RW, then RT, each with "Lanjut" until the
/// RT list is shown: no script needed), then name, contact, optional NIK, username and password.
enum RegistrationView {
    typealias Field = ResidentRegistration.Field

    static func render(_ form: RegistrationForm, choices: ResidenceChoices, csrfToken: String) -> HTML {
        let typed = form.registration
        return """
            <h1>Daftar sebagai warga</h1>
            <p class="lead">Dengan akun warga, Anda dapat mengajukan usulan pembangunan untuk lingkungan Anda dan mengikuti
            perkembangannya.</p>
            \(FormViews.errorSummary(form.errors))
            <form method="post" action="/daftar" novalidate>
            \(FormViews.csrf(csrfToken))
            \(residence(form, choices: choices))
            <fieldset class="group">
            <legend>Data diri</legend>
            \(FormViews.field(Field.fullName, label: "Nama lengkap", value: typed.fullName, error: form.error(Field.fullName),
                              autocomplete: "name"))
            \(FormViews.field(Field.nik, label: "NIK (tidak wajib)", value: typed.nik,
                              hint: "16 angka seperti pada KTP. Hanya untuk petugas; tidak pernah ditampilkan kepada umum.",
                              error: form.error(Field.nik), autocomplete: "off", required: false))
            </fieldset>
            <fieldset class="group">
            <legend>Kontak</legend>
            <p class="hint">Isi nomor HP, alamat e-mail, atau keduanya. Tidak ditampilkan kepada umum.</p>
            \(FormViews.field(Field.phone, label: "Nomor HP", value: typed.phone, type: "tel", hint: "Contoh: 0812 3456 7890",
                              error: form.error(Field.phone), autocomplete: "tel", required: false))
            \(FormViews.field(Field.email, label: "Alamat e-mail", value: typed.email, type: "email", error: form.error(Field.email),
                              autocomplete: "email", required: false))
            </fieldset>
            <fieldset class="group">
            <legend>Akun untuk masuk</legend>
            \(FormViews.field(Field.username, label: "Nama pengguna", value: typed.username,
                              hint: "3 sampai 64 karakter: huruf, angka, titik, garis bawah atau tanda hubung.",
                              error: form.error(Field.username), autocomplete: "username"))
            \(FormViews.field(Field.password, label: "Kata sandi", type: "password",
                              hint: "Paling sedikit 8 karakter. Hindari kata sandi yang mudah ditebak seperti 12345678.",
                              error: form.error(Field.password), autocomplete: "new-password"))
            \(FormViews.field(Field.passwordConfirmation, label: "Ketik ulang kata sandi", type: "password",
                              error: form.error(Field.passwordConfirmation), autocomplete: "new-password"))
            </fieldset>
            <button type="submit" class="button">Daftar</button>
            </form>
            <p>Sudah punya akun? <a href="/masuk">Masuk</a>.</p>
            """
    }

    /// Kelurahan, then RW, then RT: each list appears once the one above is chosen and "Lanjut" pressed.
    private static func residence(_ form: RegistrationForm, choices: ResidenceChoices) -> HTML {
        let typed = form.registration
        let kelurahanGroups = choices.groups.map { group in
            SelectGroup(label: "Kecamatan " + group.kecamatan.name,
                        options: group.kelurahan.map { SelectOption(value: "\($0.id.rawValue)", text: $0.name) })
        }
        var lists: [HTML] = [FormViews.select(Field.kelurahan, label: "Kelurahan", placeholder: "Pilih kelurahan", groups: kelurahanGroups,
                                              selected: typed.kelurahanId.map { "\($0.rawValue)" }, error: form.error(Field.kelurahan))]
        var next = "Lanjut pilih RW"
        if typed.kelurahanId != nil, !choices.rws.isEmpty {
            let options = choices.rws.map { SelectOption(value: "\($0.id.rawValue)", text: "RW \(Self.padded($0.number))") }
            lists.append(FormViews.select(Field.rw, label: "RW", placeholder: "Pilih RW", groups: [SelectGroup(label: nil, options: options)],
                                          selected: typed.rwId.map { "\($0.rawValue)" }, error: form.error(Field.rw),
                                          autofocus: form.isStep && typed.rwId == nil))
            next = "Lanjut pilih RT"
        }
        if typed.rwId != nil, !choices.rts.isEmpty {
            let options = choices.rts.map { SelectOption(value: "\($0.id.rawValue)", text: "RT \(Self.padded($0.number))") }
            lists.append(FormViews.select(Field.rt, label: "RT", placeholder: "Pilih RT", groups: [SelectGroup(label: nil, options: options)],
                                          selected: typed.rtId.map { "\($0.rawValue)" }, error: form.error(Field.rt),
                                          autofocus: form.isStep && typed.rtId == nil))
        }
        // Once the RT list is shown there is no other button before "Daftar", so Enter in a text field registers.
        let step: HTML = choices.rts.isEmpty
            ? "<button type=\"submit\" name=\"\(RegistrationForm.stepField)\" value=\"1\" class=\"button secondary\">\(next)</button>"
            : .empty
        return """
            <fieldset class="group">
            <legend>Tempat tinggal</legend>
            <p class="hint">Pilih kelurahan, lalu tekan “Lanjut” untuk memilih RW, lalu RT. Usulan Anda nanti berasal dari RT ini.</p>
            \(lists)
            \(step)
            </fieldset>
            """
    }

    /// RT and RW numbers as people write them: 001, 012.
    static func padded(_ number: Int) -> String {
        number < 10 ? "00\(number)" : number < 100 ? "0\(number)" : "\(number)"
    }
}
