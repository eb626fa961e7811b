import Musrenbang

/// The registration form (`/daftar`): what was typed (the passwords are never sent back), whether "Lanjut" asked for
/// the next list of the home's kelurahan -> RW -> RT, and every field error.
struct RegistrationForm {
    typealias Field = ResidentRegistration.Field
    var registration = ResidentRegistration()
    /// "Lanjut" was pressed: show the next list, check nothing yet.
    var isStep = false
    var errors: [FieldError] = []

    init() {}

    /// Reads the submitted fields; the checks are the domain's (`MusrenbangService.registerResident`).
    init(fields: [String: String]) {
        func text(_ name: String) -> String { fields[name] ?? "" }
        func id(_ name: String) -> Int64? { fields[name].flatMap { Int64($0) } }
        registration = ResidentRegistration(
            fullName: text(Field.fullName), phone: text(Field.phone), email: text(Field.email), username: text(Field.username),
            password: text(Field.password), passwordConfirmation: text(Field.passwordConfirmation), nik: text(Field.nik),
            kelurahanId: id(Field.kelurahan).map { KelurahanID($0) }, rwId: id(Field.rw).map { RWID($0) },
            rtId: id(Field.rt).map { RTID($0) })
        isStep = fields[Self.stepField] != nil
    }

    /// The name of the "Lanjut" button.
    static let stepField = "langkah"

    /// Keeps only the RW and RT that belong to the levels above them in `choices` (after "Lanjut" changed one).
    mutating func dropMismatched(_ choices: ResidenceChoices) {
        if let rw = registration.rwId, !choices.rws.contains(where: { $0.id == rw }) { registration.rwId = nil }
        if let rt = registration.rtId, !choices.rts.contains(where: { $0.id == rt }) { registration.rtId = nil }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
