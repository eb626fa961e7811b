import Foundation
import Musrenbang

/// The answers of a paper form as typed by the operator: who proposes (a resident or an RT, by name), the RT of the
/// kelurahan, how it came in, and the proposal's content (the resident form's `ProposalAnswers`).
struct PaperForm {
    /// How the proposal reached the operator.
    enum Source: String, CaseIterable {
        /// A signed paper form: its scan is required.
        case formulir
        /// Typed in live by the meeting's delegates during the kelurahan Musrenbang: no paper, so no scan.
        case delegasi

        var words: String {
            switch self {
            case .formulir: "Formulir kertas bertanda tangan"
            case .delegasi: "Diinput langsung oleh delegasi masyarakat saat Musrenbang berlangsung"
            }
        }
    }

    var proposer = ProposerAnswers()
    var source = Source.formulir
    var answers = ProposalAnswers(rtId: nil)
    /// The token of the scan held from an earlier try of this form (`HeldUploads`).
    var scanToken = ""

    static let scanField = "pindaian"
    static let scanTokenField = "pindaian_token"

    init(rtId: String = "") { proposer.rtId = rtId }

    init(fields: [String: String]) {
        proposer = ProposerAnswers(fields: fields)
        source = fields["sumber"].flatMap(Source.init(rawValue:)) ?? .formulir
        answers = ProposalAnswers(fields: fields)
        scanToken = fields[Self.scanTokenField] ?? ""
    }

    /// Every error of the form at once (the scan's own errors come from its check), with the engine's content.
    func check(area: KelurahanArea, catalog: ProposalCatalog, hasScan: Bool) -> (NewProposal?, [FieldError]) {
        var (who, errors) = proposer.check(area: area)
        let (content, contentErrors) = answers.content(in: catalog)
        errors += contentErrors
        if source == .formulir && !hasScan {
            errors.append(FieldError(field: Self.scanField,
                                     message: "Lampirkan pindaian atau foto formulir yang sudah ditandatangani (PDF, JPEG atau PNG)."))
        }
        guard let content, let who, errors.isEmpty else { return (nil, errors) }
        var new = NewProposal(origin: area.origin(who.rw, who.rt), proposerAccountId: nil, proposerName: who.name, title: content.title,
                              problem: content.problem, kamusId: content.kamusId, volume: content.volume, locationText: content.locationText,
                              latitude: content.latitude, longitude: content.longitude, beneficiaries: content.beneficiaries)
        new.content.expectedOutput = content.expectedOutput
        new.content.expectedOutcome = content.expectedOutcome
        return (new, [])
    }
}
