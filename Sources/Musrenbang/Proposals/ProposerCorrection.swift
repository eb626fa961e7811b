/// The proposer of a returned paper form as the kelurahan operator corrects it (`ubah` with `TransitionInput.proposer`):
/// the name and the RT, which must be an RT of the proposal's kelurahan. A resident's account names its own proposer, so
/// only a proposal without a proposer account takes it (`Workflow.correctProposer`).
public struct ProposerCorrection: Hashable, Sendable {
    public var name: String
    public var rtId: RTID

    public init(name: String, rtId: RTID) { self.name = name; self.rtId = rtId }
}
