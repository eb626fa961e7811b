/// The kelurahan operator's correction of a returned paper form's proposer (name and RT), part of its `ubah`. A verifier
/// often returns a paper form because the RT is wrong or the name misspelled; the engine, not the form, decides.
extension Workflow {
    /// The action's name in a refusal.
    static let proposerCorrectionAction = "ubah pengusul"

    /// The rules of a proposer correction. Refusals that concern no field throw; the fields' own errors are returned, so
    /// that they are reported together with the content's. `places` holds the stored RTs the store read (requested and
    /// current); an RT it lacks does not exist.
    static func proposerCorrectionErrors(_ correction: ProposerCorrection, on proposal: Proposal, by actor: Actor,
                                         places: [RTID: RTPlace]) throws(DomainError) -> [FieldError] {
        guard actor.role == .operatorKelurahan else { throw .roleNotAllowed(role: actor.role, action: proposerCorrectionAction) }
        // A resident with an account is named by the account; only a paper form without one carries its proposer as typed.
        guard proposal.proposerAccountId == nil else {
            throw .invalidInput(field: "pengusul", detail: "pengusul usulan ini memiliki akun warga; nama dan RT/RW-nya mengikuti akun itu")
        }
        guard proposal.state == ProposalState(.kelurahan, .dikembalikan) else {
            throw .invalidTransition(from: proposal.state, action: proposerCorrectionAction)
        }
        var errors: [FieldError] = []
        if trimmed(correction.name).isEmpty {
            errors.append(FieldError(field: "proposer_name", message: "Isi nama pengusul: nama warga, atau misalnya \"RT 03/RW 01\"."))
        }
        if let place = places[correction.rtId] {
            if place.origin.kelurahanId != proposal.origin.kelurahanId {
                errors.append(FieldError(field: "rt", message: "RT/RW yang dipilih bukan bagian dari kelurahan usulan ini; pilih RT/RW pengusul dari daftar."))
            }
        } else {
            errors.append(FieldError(field: "rt", message: "Pilih RT/RW pengusul dari daftar."))
        }
        return errors
    }

    /// Applies a checked correction; the changes name the old and new values ("RT 02/RW 01" -> "RT 03/RW 01"), so the
    /// timeline says what changed. The name's values stay off the public timeline (`PublicReadRepository`).
    static func correctProposer(_ correction: ProposerCorrection, places: [RTID: RTPlace], on proposal: inout Proposal) -> [FieldChange] {
        var changes: [FieldChange] = []
        let name = trimmed(correction.name)
        if name != proposal.proposerName {
            changes.append(FieldChange(field: "proposer_name", old: proposal.proposerName, new: name))
            proposal.proposerName = name
        }
        if let place = places[correction.rtId], place.origin.rtId != proposal.origin.rtId {
            let old = proposal.origin.rtId.flatMap { places[$0]?.label } ?? ""
            changes.append(FieldChange(field: "rt", old: old, new: place.label))
            proposal.origin = place.origin
        }
        return changes
    }
}
