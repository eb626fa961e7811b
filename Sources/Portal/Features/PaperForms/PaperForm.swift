import Foundation
import Musrenbang

/// The answers of a paper form as typed by the operator: who proposes (a resident or an RT, by name), the RT of the
/// kelurahan, how it came in, and the proposal's content (the resident form's `ProposalAnswers`).
struct PaperForm {
    var proposer = ProposerAnswers()
    /// How the proposal reached the operator (a signed form needs its scan).
    var source = EntryChannel.paperForm
    var answers = ProposalAnswers(rtId: nil)
    /// The token of the scan held from an earlier try of this form (`HeldUploads`).
    var scanToken = ""

    static let scanField = "pindaian"
    static let scanTokenField = "pindaian_token"

    init(rtId: String = "") { proposer.rtId = rtId }

    init(fields: [String: String]) {
        proposer = ProposerAnswers(fields: fields)
        source = fields["sumber"].flatMap(EntryChannel.init(rawValue:)) ?? .paperForm
        answers = ProposalAnswers(fields: fields)
        scanToken = fields[Self.scanTokenField] ?? ""
    }

    /// Every error of the form at once (the scan's own errors come from its check), with the engine's content.
    func check(area: KelurahanArea, catalog: ProposalCatalog, hasScan: Bool) -> (NewProposal?, [FieldError]) {
        let (who, proposerErrors) = proposer.check(area: area)
        let (content, contentErrors) = answers.content(in: catalog)
        var errors = proposerErrors + contentErrors
        if source == .paperForm && !hasScan {
            errors.append(FieldError(field: Self.scanField,
                                     message: "Lampirkan pindaian atau foto formulir yang sudah ditandatangani (PDF, JPEG atau PNG)."))
        }
        guard let content, let who, errors.isEmpty else { return (nil, errors) }
        var new = NewProposal(origin: area.origin(who.rw, who.rt), proposerAccountId: nil, proposerName: who.name, title: content.title,
                              problem: content.problem, kamusId: content.kamusId, volume: content.volume, locationText: content.locationText,
                              latitude: content.latitude, longitude: content.longitude, beneficiaries: content.beneficiaries)
        new.content.expectedOutput = content.expectedOutput
        new.content.expectedOutcome = content.expectedOutcome
        new.channel = source
        return (new, [])
    }
}
