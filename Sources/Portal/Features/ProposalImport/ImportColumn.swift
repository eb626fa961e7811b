/// The columns of the import file, by their header (any order, any case); what each is called in an error message;
/// the field of the proposal form it fills (so the form's rules and messages serve the import too).
enum ImportColumn: String, CaseIterable {
    case rw, rt
    case proposerName = "nama_pengusul"
    case kegiatan, volume, judul, permasalahan, keluaran, hasil, lokasi, lintang, bujur
    case penerimaManfaat = "penerima_manfaat"

    /// The columns a file must have; the others may be left out.
    static let required: [ImportColumn] = [.rw, .rt, .proposerName, .kegiatan, .volume, .judul, .permasalahan, .lokasi, .penerimaManfaat]

    /// The column's name in words, as an error names it.
    var words: String {
        switch self {
        case .rw: "RW"
        case .rt: "RT"
        case .proposerName: "nama pengusul"
        case .kegiatan: "kegiatan"
        case .volume: "volume"
        case .judul: "judul"
        case .permasalahan: "permasalahan"
        case .keluaran: "keluaran"
        case .hasil: "hasil"
        case .lokasi: "lokasi"
        case .lintang: "lintang"
        case .bujur: "bujur"
        case .penerimaManfaat: "penerima manfaat"
        }
    }

    /// The proposal form's field this column fills (`ProposalAnswers`), if any.
    var formField: String? {
        switch self {
        case .kegiatan: "kamus"
        case .volume: "volume"
        case .judul: "title"
        case .permasalahan: "problem"
        case .keluaran: "expected_output"
        case .hasil: "expected_outcome"
        case .lokasi: "location"
        case .lintang: "latitude"
        case .bujur: "longitude"
        case .penerimaManfaat: "beneficiaries"
        case .rw, .rt, .proposerName: nil
        }
    }

    /// The column of a form field's error.
    static func of(formField: String) -> ImportColumn? {
        if formField == "proposer_name" { return .proposerName }
        if formField == "coordinates" { return .lintang }
        return allCases.first { $0.formField == formField }
    }
}
