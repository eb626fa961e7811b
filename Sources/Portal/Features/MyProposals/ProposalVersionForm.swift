import HTTPServer

/// A resident's one-button action on a proposal (resubmit, carry over): only the version the page showed (`versi`).
struct ProposalVersionForm {
    let version: Int64?

    init(_ form: FormData) { version = form["versi"].flatMap { Int64($0) } }

    /// The refusal when the field is missing or malformed (a page not sent by this site, or cut short).
    static let incomplete = RefusalNotice(rule: "Formulir tidak lengkap.", next: "Muat ulang halaman, lalu tekan tombolnya sekali lagi.")
}
