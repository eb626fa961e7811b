import Musrenbang

/// The addresses of the kelurahan operator's workspace.
enum OperatorPaths {
    static let paperForm = "/kerja/formulir"
    static let importPage = "/kerja/impor"
    static let importTemplate = "/kerja/impor/template.csv"
    static let importConfirm = "/kerja/impor/konfirmasi"
    static let documents = "/kerja/dokumen"
    static let proposalAttachment = "/kerja/dokumen/usulan"

    static func document(_ id: Int64) -> String { "/kerja/dokumen/\(id)" }

    /// The paper forms a verifier returned, and one of them to correct and send again.
    static let returned = "/kerja/formulir/dikembalikan"
    static func returned(_ code: TrackingCode) -> String { "\(returned)/\(code)" }

    /// The largest import file (a few thousand rows of text).
    static let importMaxBytes = 4 * 1_048_576
    /// The largest upload of a paper form or a document, with the form around it.
    static let uploadBodyLimit = 11 * 1_048_576
}
