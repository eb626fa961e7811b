import Foundation
import Musrenbang

/// Who proposes on a paper form, as the operator typed it: the name (a resident, or e.g. "RT 03/RW 01") and the RT of the
/// operator's kelurahan. Shared by the paper form and the correction of a returned one.
struct ProposerAnswers: Equatable {
    var name = ""
    /// The RT's id as the select sent it.
    var rtId = ""

    static let nameField = "nama_pengusul"
    static let rtField = "rt"

    init(name: String = "", rtId: String = "") { self.name = name; self.rtId = rtId }

    init(fields: [String: String]) {
        name = fields[Self.nameField] ?? ""
        rtId = fields[Self.rtField] ?? ""
    }

    /// The proposer as checked: the trimmed name and an RT of the kelurahan with its RW.
    struct Checked {
        let name: String
        let rw: RukunWarga
        let rt: RukunTetangga
    }

    /// The proposer when both fields are fine, and every error of the two.
    func check(area: KelurahanArea) -> (Checked?, [FieldError]) {
        var errors: [FieldError] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { errors.append(FieldError(field: Self.nameField, message: "Isi nama pengusul: nama warga, atau misalnya \"RT 03/RW 01\".")) }
        let place = Int64(rtId).flatMap { area.rt(id: $0) }
        if place == nil { errors.append(FieldError(field: Self.rtField, message: "Pilih RT/RW pengusul dari daftar.")) }
        guard let place, errors.isEmpty else { return (nil, errors) }
        return (Checked(name: trimmed, rw: place.rw, rt: place.rt), [])
    }

    /// The name field and the RT select (the operator's kelurahan only), with their errors.
    func fields(area: KelurahanArea, errors: [FieldError], focus: String?) -> HTML {
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        return """
            \(FormViews.field(Self.nameField, label: "Nama pengusul", value: name,
                              hint: "Nama warga seperti di formulir, atau misalnya \"RT 03/RW 01\" bila usulan dari RT.",
                              error: error(Self.nameField), autofocus: focus == Self.nameField))
            \(FormViews.select(Self.rtField, label: "RT/RW pengusul", placeholder: "Pilih RT/RW", groups: area.rtGroups, selected: rtId,
                               error: error(Self.rtField)))
            """
    }
}
