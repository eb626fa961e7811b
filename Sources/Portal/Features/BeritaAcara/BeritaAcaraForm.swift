import HTTPServer
import Musrenbang

/// The berita acara form: its number, the meeting's date, place and chair, the delegates elected for the next level
/// with their gender, and the allocation run the meeting reviewed (hidden `alokasi`). When no woman is among the
/// delegates the form asks once for a confirmation (`tanpa_perempuan`): women must be represented, but the meeting's
/// decision stands. Every field error at once; every answer kept.
struct BeritaAcaraForm {
    struct DelegateRow {
        var name = ""
        var gender = ""
    }

    static let delegateRows = 6

    var documentNumber = ""
    var meetingDate = ""
    var place = ""
    var chair = ""
    var delegates = [DelegateRow](repeating: DelegateRow(), count: delegateRows)
    var runId: Int64?
    var confirmedNoWoman = false
    var errors: [FieldError] = []
    /// The delegates as typed include no woman (the warning is shown).
    var warnNoWoman = false

    /// A blank form for `runId` dated `today`.
    init(runId: Int64?, today: MeetingDate) {
        self.runId = runId
        meetingDate = today.text
    }

    init(_ form: FormData) {
        documentNumber = (form["document_number"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        meetingDate = (form["meeting_date"] ?? "").trimmingCharacters(in: .whitespaces)
        place = form["place"] ?? ""
        chair = form["chair"] ?? ""
        for index in 0..<Self.delegateRows {
            delegates[index] = DelegateRow(name: form["delegate_name_\(index + 1)"] ?? "", gender: form["delegate_gender_\(index + 1)"] ?? "")
        }
        runId = form["alokasi"].flatMap { Int64($0) }
        confirmedNoWoman = form["tanpa_perempuan"] == "1"
        if documentNumber.isEmpty {
            errors.append(FieldError(field: "document_number", message: "Isi nomor berita acara, misalnya 050/12/BA-MUS/2027."))
        } else if documentNumber.count > 100 {
            errors.append(FieldError(field: "document_number", message: "Nomor berita acara paling banyak 100 huruf."))
        }
        if MeetingDate(text: meetingDate) == nil {
            errors.append(FieldError(field: "meeting_date", message: "Isi tanggal musyawarah sebagai tahun-bulan-tanggal, misalnya 2027-01-15."))
        }
        var problems: [FieldError] = []
        for (index, row) in delegates.enumerated() {
            let named = !row.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if named && Delegate.Gender(rawValue: row.gender) == nil {
                problems.append(FieldError(field: "delegate_gender_\(index + 1)", message: "Pilih jenis kelamin delegasi ke-\(index + 1)."))
            } else if !named && !row.gender.isEmpty {
                problems.append(FieldError(field: "delegate_name_\(index + 1)", message: "Isi nama delegasi ke-\(index + 1), atau kosongkan jenis kelaminnya."))
            }
        }
        errors += problems
        if let details { errors += details.problems } else if problems.isEmpty {
            // Place, chair and "at least one delegate" are checked by the engine's rules even when the date is refused.
            errors += BeritaAcaraDetails(meetingDate: MeetingDate(text: "2000-01-01")!, place: place, chair: chair, delegates: namedDelegates).problems
        }
        warnNoWoman = !namedDelegates.isEmpty && !namedDelegates.contains { $0.gender == .perempuan }
        if warnNoWoman && !confirmedNoWoman {
            errors.append(FieldError(field: "tanpa_perempuan", message: "Tidak ada perempuan di antara delegasi. Keterwakilan perempuan wajib diupayakan: "
                                     + "tambahkan delegasi perempuan, atau centang pernyataan bahwa musyawarah tetap memutuskan demikian."))
        }
    }

    /// The delegates with a name and a valid gender, in order.
    var namedDelegates: [Delegate] {
        delegates.compactMap { row in
            let name = row.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, let gender = Delegate.Gender(rawValue: row.gender) else { return nil }
            return Delegate(name: name, gender: gender)
        }
    }

    /// The engine's details (nil while the date is not a real day).
    var details: BeritaAcaraDetails? {
        MeetingDate(text: meetingDate).map { BeritaAcaraDetails(meetingDate: $0, place: place, chair: chair, delegates: namedDelegates) }
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
