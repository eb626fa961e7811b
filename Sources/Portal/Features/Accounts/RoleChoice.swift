import Musrenbang

/// A role and its scope as two fields of a form (`peran`, `cakupan`): a role of the city, the system or a resident
/// needs no scope; any other one a scope of its kind from the directory. Every problem as a field error.
struct RoleChoice {
    var role: String
    var scope: String
    var assignment: RoleAssignment?
    var errors: [FieldError] = []

    init(role: String?, scope: String?, directory: ScopeDirectory) {
        self.role = role ?? ""
        self.scope = scope ?? ""
        guard let kind = Role(rawValue: self.role) else {
            errors.append(FieldError(field: "peran", message: "Pilih peran."))
            return
        }
        let chosen: Scope?
        switch kind.scopeKind {
        case .selfOnly: chosen = .selfOnly
        case .kota: chosen = .kota
        case .system: chosen = .system
        default: chosen = directory.scope(self.scope)
        }
        guard let chosen else {
            errors.append(FieldError(field: "cakupan", message: "Pilih wilayah atau perangkat daerah untuk peran \(kind.displayName)."))
            return
        }
        do {
            assignment = try RoleAssignment(role: kind, scope: chosen)
        } catch {
            errors.append(FieldError(field: "cakupan", message: "Peran \(kind.displayName) memerlukan cakupan \(Self.kindWords(kind.scopeKind)); pilih yang sesuai."))
        }
    }

    /// The role and scope selects, with their values and errors.
    func fields(directory: ScopeDirectory, errors: [FieldError]) -> HTML {
        let roles = SelectGroup(label: nil, options: Role.allCases.map { SelectOption(value: $0.rawValue, text: $0.displayName) })
        return """
            \(FormViews.select("peran", label: "Peran", placeholder: "Pilih peran", groups: [roles], selected: role,
                               error: errors.first { $0.field == "peran" }?.message))
            \(FormViews.select("cakupan", label: "Cakupan (wilayah atau perangkat daerah)", placeholder: "Pilih cakupan",
                               groups: directory.groups, selected: scope, error: errors.first { $0.field == "cakupan" }?.message,
                               hint: "Ketua RT memerlukan RT, Ketua RW memerlukan RW, operator dan verifikator kelurahan memerlukan kelurahan, operator kecamatan dan Camat memerlukan kecamatan, verifikator perangkat daerah memerlukan perangkat daerah. Warga, Bappeda dan Admin Sistem tidak memerlukan cakupan."))
            """
    }

    static func kindWords(_ kind: Scope.Kind) -> String {
        switch kind {
        case .rt: "sebuah RT"
        case .rw: "sebuah RW"
        case .kelurahan: "sebuah kelurahan"
        case .kecamatan: "sebuah kecamatan"
        case .opd: "sebuah perangkat daerah"
        case .kota: "kota"
        case .system: "sistem"
        case .selfOnly: "diri sendiri"
        }
    }
}
