import Musrenbang

/// A role and its scope as fields of a form (`peran`, `cakupan`, and for a Ketua RW or RT `rw`, `rt`): a role of the
/// city, the system or a resident needs no scope; an RW or RT is its kelurahan (`cakupan`) and its numbers; any other
/// role a scope of its kind from the directory. Every problem as a field error.
struct RoleChoice {
    var role: String
    var scope: String
    var rwNumber: String
    var rtNumber: String
    var assignment: RoleAssignment?
    var errors: [FieldError] = []

    init(role: String?, scope: String?, rw: String? = nil, rt: String? = nil, directory: ScopeDirectory) {
        self.role = role ?? ""
        self.scope = scope ?? ""
        rwNumber = (rw ?? "").trimmingCharacters(in: .whitespaces)
        rtNumber = (rt ?? "").trimmingCharacters(in: .whitespaces)
        guard let kind = Role(rawValue: self.role) else {
            errors.append(FieldError(field: "peran", message: "Pilih peran."))
            return
        }
        let chosen: Scope?
        switch kind.scopeKind {
        case .selfOnly: chosen = .selfOnly
        case .kota: chosen = .kota
        case .system: chosen = .system
        case .rw, .rt:
            if let direct = directory.scope(self.scope), direct.kind == kind.scopeKind {
                chosen = direct
            } else {
                chosen = place(kind, directory: directory)
                guard chosen != nil, errors.isEmpty else { return }
            }
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

    /// The RW or RT of a Ketua RW or RT: the kelurahan chosen in `cakupan` and the numbers typed (errors recorded).
    private mutating func place(_ kind: Role, directory: ScopeDirectory) -> Scope? {
        guard case .kelurahan(let kelurahan)? = directory.scope(scope) else {
            errors.append(FieldError(field: "cakupan", message: "Pilih kelurahan tempat RW atau RT itu untuk peran \(kind.displayName)."))
            return nil
        }
        guard let number = Int(rwNumber), let rw = directory.rw(kelurahan: kelurahan, number: number) else {
            errors.append(FieldError(field: "rw", message: "Isi nomor RW yang ada di kelurahan itu, misalnya 3."))
            return nil
        }
        guard kind == .ketuaRT else { return .rw(rw) }
        guard let number = Int(rtNumber), let rt = directory.rt(rw: rw, number: number) else {
            errors.append(FieldError(field: "rt", message: "Isi nomor RT yang ada di RW itu, misalnya 2."))
            return nil
        }
        return .rt(rt)
    }

    /// The role and scope selects, with their values and errors.
    func fields(directory: ScopeDirectory, errors: [FieldError]) -> HTML {
        let roles = SelectGroup(label: nil, options: Role.allCases.map { SelectOption(value: $0.rawValue, text: $0.displayName) })
        return """
            \(FormViews.select("peran", label: "Peran", placeholder: "Pilih peran", groups: [roles], selected: role,
                               error: errors.first { $0.field == "peran" }?.message))
            \(FormViews.select("cakupan", label: "Cakupan (wilayah atau perangkat daerah)", placeholder: "Pilih cakupan",
                               groups: directory.groups, selected: scope, error: errors.first { $0.field == "cakupan" }?.message,
                               hint: "Operator dan verifikator kelurahan memerlukan kelurahan; Ketua RW dan Ketua RT juga memilih kelurahannya, lalu mengisi nomor RW dan RT di bawah. Operator kecamatan dan Camat memerlukan kecamatan, verifikator perangkat daerah memerlukan perangkat daerah. Warga, Bappeda dan Admin Sistem tidak memerlukan cakupan."))
            \(FormViews.field("rw", label: "Nomor RW (hanya untuk Ketua RW dan Ketua RT)", value: rwNumber, error: errors.first { $0.field == "rw" }?.message,
                              required: false, inputMode: "numeric"))
            \(FormViews.field("rt", label: "Nomor RT (hanya untuk Ketua RT)", value: rtNumber, error: errors.first { $0.field == "rt" }?.message,
                              required: false, inputMode: "numeric"))
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
