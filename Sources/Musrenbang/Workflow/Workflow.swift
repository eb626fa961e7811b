import Foundation

/// The state machine of a proposal. Pure: `now` is a parameter and nothing is read or written outside
/// the values passed in. Guards are checked in a fixed order, so each refusal names one rule:
/// cycle, version, transition exists, role, scope, lock, window, reason, then the action's own inputs.
public enum Workflow {
    /// Applies `input` to `proposal` as `actor` at `now`; returns the new proposal and the event to append.
    /// `kamus` is the catalogue's item for an edit that changes the activity (`ubah`), loaded by the store: the
    /// price and attributes never come from the caller; likewise `rtPlaces`, the stored RTs a proposer correction names
    /// (the requested one and the current one). F1/F2 outcomes are refused here: only the berita acara applies them
    /// (`allocate`), from the run the meeting reviewed.
    public static func apply(_ input: TransitionInput, to proposal: Proposal, by actor: Actor, at now: Date,
                             context: WorkflowContext, kamus: KamusItem? = nil,
                             rtPlaces: [RTID: RTPlace] = [:]) throws(DomainError) -> TransitionResult {
        if input.action == .alokasiF1 || input.action == .alokasiF2 {
            throw .onlyThroughBeritaAcara(action: input.action.displayName)
        }
        return try transition(input, to: proposal, by: actor, at: now, context: context, kamus: kamus, rtPlaces: rtPlaces)
    }

    /// `apply` without the berita acara restriction: the per-proposal form of an allocation outcome, kept for
    /// `Allocation.transitions` (tests compare it with the lean `allocate`).
    static func transition(_ input: TransitionInput, to proposal: Proposal, by actor: Actor, at now: Date,
                           context: WorkflowContext, kamus: KamusItem? = nil,
                           rtPlaces: [RTID: RTPlace] = [:]) throws(DomainError) -> TransitionResult {
        let (rule, reason) = try checkGuards(input, on: ProposalPlacement(proposal), by: actor, at: now, context: context)
        // An operator handles the paper forms it entered; a resident's online proposal stays the resident's, and
        // reaches the kelurahan only through its RT and RW.
        if actor.role == .operatorKelurahan && (input.action == .ubah || input.action == .ajukan) && proposal.isEnteredByProposer {
            throw .residentsOwnProposal
        }

        var next = proposal
        var changes: [FieldChange] = []
        var flags: [EventFlag] = []
        let level = rule.actingStage.level

        switch input.action {
        case .buat:
            throw .invalidTransition(from: proposal.state, action: input.action.displayName)
        case .ubah:
            guard let edit = input.edit else { throw .missingInput(field: "data usulan") }
            let proposerErrors = try input.proposer.map { correction throws(DomainError) in
                try proposerCorrectionErrors(correction, on: proposal, by: actor, places: rtPlaces)
            } ?? []
            do {
                changes = try applyEdit(edit, kamus: kamus, to: &next)
            } catch {
                guard case .invalidFields(let contentErrors) = error else { throw error }
                throw .invalidFields(proposerErrors + contentErrors)
            }
            guard proposerErrors.isEmpty else { throw .invalidFields(proposerErrors) }
            if let correction = input.proposer { changes = correctProposer(correction, places: rtPlaces, on: &next) + changes }
        case .ajukan:
            if next.submittedAt == nil { next.submittedAt = now }
        case .terimaDenganPerubahan:
            guard let change = input.change, let level else { throw .missingInput(field: "volume dan biaya") }
            guard change.volume != proposal.effectiveVolume || change.cost != proposal.effectiveCost else {
                throw .changeRequired
            }
            let flagged = try SSHPrice.checkChangedCost(volume: change.volume, cost: change.cost, unitPrice: proposal.unitPrice,
                                                        toleranceBasisPoints: context.cycle.settings.costToleranceBasisPoints)
            if flagged { flags.append(.costAboveTolerance) }
            changes = recommend(change, level: level, note: reason ?? "", flagged: flagged, by: actor, at: now, on: &next)
        case .alokasiF1, .alokasiF2:
            var placement = ProposalPlacement(proposal)
            changes = try allocationEffect(input.action, level: level, on: &placement)
            next.routedOPDId = placement.routedOPDId
            next.envelope = placement.envelope
        case .rutekanOPD:
            let opd = input.routeTo ?? proposal.opdId
            changes.append(FieldChange(field: "routed_opd", old: proposal.routedOPDId?.description ?? "", new: opd.description))
            next.routedOPDId = opd
            next.envelope = nil
        case .rutekanPokir:
            next.routedOPDId = nil
            next.envelope = nil
        case .ubahPeringkat:
            guard let rank = input.rank, let level else { throw .missingInput(field: "peringkat") }
            guard rank >= 1 else { throw .invalidInput(field: "peringkat", detail: "minimal 1") }
            changes.append(FieldChange(field: "rank_\(level.rawValue)", old: proposal.ranks[level].map(String.init) ?? "",
                                       new: String(rank)))
            next.ranks[level] = rank
        case .koreksi:
            guard let target = input.target else { throw .missingInput(field: "status tujuan") }
            guard target.isValid, target != ProposalState(.praMusrenbang, .draft) else {
                throw .invalidInput(field: "status tujuan", detail: target.description)
            }
            if let change = input.change {
                let flagged = try SSHPrice.checkChangedCost(volume: change.volume, cost: change.cost, unitPrice: proposal.unitPrice,
                                                            toleranceBasisPoints: context.cycle.settings.costToleranceBasisPoints)
                if flagged { flags.append(.costAboveTolerance) }
                changes = recommend(change, level: .kota, note: reason ?? "", flagged: flagged, by: actor, at: now, on: &next)
            } else if target == proposal.state {
                throw .changeRequired
            }
            if let currentLevel = proposal.stage.level, let key = LockKey.forProposal(proposal, at: currentLevel),
               context.locks.contains(key) {
                flags.append(.lockedLevelCorrected)
            }
            correctPlacement(of: &next, to: target)
        case .bawaKeSiklusBerikut, .setujui, .kembalikan, .terima, .tolak, .tetapkan, .tidakTetapkan:
            break
        }

        guard let nextState = rule.nextState(requested: input.target) else { throw .missingInput(field: "status tujuan") }
        next.state = nextState
        if input.action != .koreksi { try checkTargetLock(from: proposal.state, to: ProposalPlacement(next), context: context) }
        return recorded(next, from: proposal, action: input.action, by: actor, at: now, note: reason, changes: changes, flags: flags)
    }

    /// `next`, the proposal `before` changed by `action`, one version on and updated `now`, with the event that records
    /// the move from `before`'s state to `next`'s.
    static func recorded(_ next: Proposal, from before: Proposal, action: Action, by actor: Actor, at now: Date, note: String?,
                         changes: [FieldChange], flags: [EventFlag]) -> TransitionResult {
        var next = next
        next.version = before.version + 1
        next.updatedAt = now
        let event = ProposalEvent(proposalId: before.id, cycleId: before.cycleId, action: action, actorAccountId: actor.accountId,
                                  actorRole: actor.role, at: now, from: before.state, to: next.state, note: note, changes: changes,
                                  flags: flags, versionAfter: next.version)
        return TransitionResult(proposal: next, event: event)
    }

    /// The lean form of `apply(.alokasiF1 / .alokasiF2)` for an allocation run: the same guards in the
    /// same order (cycle, transition, role, scope, lock, window, reason), the same next state and the same
    /// event, over the proposal's placement only (`Allocation.moves`). The expected version is the
    /// placement's own; the store refuses the write when the row has moved on since.
    public static func allocate(_ placement: ProposalPlacement, funded: Bool, reason: String, by actor: Actor, at now: Date,
                                context: WorkflowContext) throws(DomainError) -> AllocationMove {
        let input = TransitionInput(funded ? .alokasiF1 : .alokasiF2, expectedVersion: placement.version, reason: reason)
        let (rule, note) = try checkGuards(input, on: placement, by: actor, at: now, context: context)
        var next = placement
        let changes = try allocationEffect(input.action, level: rule.actingStage.level, on: &next)
        guard let nextState = rule.nextState(requested: nil) else { throw .missingInput(field: "status tujuan") }
        next.state = nextState
        try checkTargetLock(from: placement.state, to: next, context: context)
        next.version = placement.version + 1
        let event = ProposalEvent(proposalId: placement.proposalId, cycleId: placement.cycleId, action: input.action,
                                  actorAccountId: actor.accountId, actorRole: actor.role, at: now, from: placement.state,
                                  to: nextState, note: note, changes: changes, flags: [], versionAfter: next.version)
        return AllocationMove(expectedVersion: placement.version, placement: next, event: event)
    }

    /// The guards of every transition, in their fixed order; returns the rule that applies and the
    /// trimmed reason (nil when none was given).
    private static func checkGuards(_ input: TransitionInput, on proposal: ProposalPlacement, by actor: Actor, at now: Date,
                                    context: WorkflowContext) throws(DomainError) -> (TransitionRule, String?) {
        guard proposal.cycleId == context.cycle.id else { throw .cycleMismatch }
        guard input.expectedVersion == proposal.version else {
            throw .staleVersion(expected: input.expectedVersion, actual: proposal.version)
        }
        let candidates = TransitionTable.rules(from: proposal.state, action: input.action)
        guard !candidates.isEmpty else { throw .invalidTransition(from: proposal.state, action: input.action.displayName) }
        guard let rule = candidates.first(where: { $0.roles.contains(actor.role) }) else {
            throw .roleNotAllowed(role: actor.role, action: input.action.displayName)
        }
        guard actor.covers(proposal) else { throw .notInScope }
        if rule.checksLock, let level = rule.actingStage.level,
           let key = LockKey.forPlacement(proposal, at: level), context.locks.contains(key) {
            throw .levelLocked(key)
        }
        if rule.checksWindow { try context.cycle.requireOpen(rule.actingStage, at: now) }
        let note = input.reason.map(trimmed)
        let reason = (note?.isEmpty ?? true) ? nil : note
        if input.action.requiresReason && reason == nil { throw .reasonRequired(action: input.action.displayName) }
        return (rule, reason)
    }

    /// A proposal that moves into another level (an endorsement into the kelurahan, F2 up to the kecamatan, a
    /// routing to an OPD) is refused when that level's results are already locked by its berita acara.
    private static func checkTargetLock(from: ProposalState, to next: ProposalPlacement,
                                        context: WorkflowContext) throws(DomainError) {
        guard next.state.stage != from.stage, let level = next.state.stage.level, level != .kota,
              let key = LockKey.forPlacement(next, at: level), context.locks.contains(key) else { return }
        throw .levelLocked(key)
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's cost when there is nothing
    /// to trim (an allocation gives every decision a reason built without outer spaces).
    static func trimmed(_ text: String) -> String {
        let set = CharacterSet.whitespacesAndNewlines
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !set.contains(first), !set.contains(last) else {
            return text.trimmingCharacters(in: set)
        }
        return text
    }

    /// What F1 (into the acting level's envelope; a kelurahan/kecamatan F1 also ends an OPD routing) and
    /// F2 (out of any envelope) change, with the field changes for the event.
    private static func allocationEffect(_ action: Action, level: Level?, on p: inout ProposalPlacement) throws(DomainError)
        -> [FieldChange] {
        var changes: [FieldChange] = []
        if action == .alokasiF2 {
            if let old = p.envelope { changes.append(FieldChange(field: "envelope", old: old.description, new: "")) }
            p.envelope = nil
            return changes
        }
        let envelope: FundingEnvelope
        switch level {
        case .kelurahan?: envelope = .kelurahan(p.origin.kelurahanId)
        case .kecamatan?: envelope = .kecamatan(p.origin.kecamatanId)
        default:
            guard let opd = p.routedOPDId else { throw .missingInput(field: "perangkat daerah tujuan") }
            envelope = .opd(opd)
        }
        if level != .opd, let routed = p.routedOPDId {
            changes.append(FieldChange(field: "routed_opd", old: routed.description, new: ""))
            p.routedOPDId = nil
        }
        changes.append(FieldChange(field: "envelope", old: p.envelope?.description ?? "", new: envelope.description))
        p.envelope = envelope
        return changes
    }

    /// Creates a draft proposal (a resident for themself, or an operator of the origin's kelurahan),
    /// inside the pra-Musrenbang window. The repository supplies the new id and the next tracking code.
    /// `kamus` is the catalogue's item named by `new.content.kamusId`, loaded by the store; the origin is the one
    /// the store derived from the stored wilayah. Every field error is reported at once (`invalidFields`).
    public static func create(_ new: NewProposal, kamus: KamusItem, id: ProposalID, trackingCode: TrackingCode, by actor: Actor,
                              at now: Date, cycle: Cycle) throws(DomainError) -> TransitionResult {
        try create(new, kamus: kamus, id: id, trackingCode: trackingCode, by: actor, at: now, cycle: cycle, window: .praMusrenbang)
    }

    /// `create` inside the window of `window` (the delegates' live entry is made in the kelurahan Musrenbang's).
    static func create(_ new: NewProposal, kamus: KamusItem, id: ProposalID, trackingCode: TrackingCode, by actor: Actor,
                       at now: Date, cycle: Cycle, window: Stage) throws(DomainError) -> TransitionResult {
        var proposerAccount = new.proposerAccountId
        switch actor.role {
        case .warga:
            guard actor.scope == .selfOnly else { throw .notInScope }
            // A resident proposes online; a channel would put an operator's words on their timeline.
            guard new.channel == nil else { throw .invalidInput(field: "cara usulan masuk", detail: "hanya untuk usulan yang dimasukkan operator") }
            guard new.origin.rtId != nil, new.origin.rwId != nil else { throw .missingInput(field: "RT/RW") }
            proposerAccount = actor.accountId
        case .operatorKelurahan:
            guard actor.scope.kind == .kelurahan, actor.scope.covers(origin: new.origin) else { throw .notInScope }
        default:
            throw .roleNotAllowed(role: actor.role, action: Action.buat.displayName)
        }
        try cycle.requireOpen(window, at: now)
        guard trackingCode.year == cycle.planYear else {
            throw .invalidInput(field: "kode pelacakan", detail: "tahun harus \(cycle.planYear)")
        }
        let content = new.content
        guard kamus.id == content.kamusId else { throw .missingInput(field: "kamus usulan") }
        let name = new.proposerName.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = validate(content)
        if name.isEmpty { errors.insert(FieldError(field: "proposer_name", message: "Isi nama pengusul."), at: 0) }
        if !kamus.active { errors.append(Self.inactiveKamus) }
        if !errors.isEmpty { throw .invalidFields(errors) }
        let cost = try kamus.cost(volume: content.volume)
        let proposal = Proposal(
            id: id, trackingCode: trackingCode, cycleId: cycle.id, origin: new.origin, proposerAccountId: proposerAccount,
            proposerName: name, enteredBy: actor.accountId,
            title: content.title.trimmingCharacters(in: .whitespacesAndNewlines),
            problem: content.problem.trimmingCharacters(in: .whitespacesAndNewlines), kamus: kamus, volume: content.volume,
            cost: cost, locationText: content.locationText.trimmingCharacters(in: .whitespacesAndNewlines),
            latitude: content.latitude, longitude: content.longitude, beneficiaries: content.beneficiaries,
            carriedFrom: new.carriedFrom, createdAt: now, version: 1)
        var created = proposal
        created.expectedOutput = content.expectedOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        created.expectedOutcome = content.expectedOutcome.trimmingCharacters(in: .whitespacesAndNewlines)
        let event = ProposalEvent(proposalId: id, cycleId: cycle.id, action: .buat, actorAccountId: actor.accountId,
                                  actorRole: actor.role, at: now, from: proposal.state, to: proposal.state,
                                  note: new.carriedFrom.map { _ in "Dibawa dari siklus sebelumnya" } ?? new.channel?.displayName, changes: [],
                                  flags: [], versionAfter: 1)
        return TransitionResult(proposal: created, event: event)
    }

    // MARK: - Effects

    private static func applyEdit(_ edit: ProposalEdit, kamus: KamusItem?, to proposal: inout Proposal) throws(DomainError) -> [FieldChange] {
        let sameItem = edit.kamusId == proposal.kamusId
        var errors = validate(edit)
        // Another activity brings the catalogue's attributes; the store loads the item (never the caller's copy).
        let item: KamusItem? = sameItem ? nil : kamus
        if !sameItem {
            guard let item, item.id == edit.kamusId else { throw .missingInput(field: "kamus usulan") }
            if !item.active { errors.append(Self.inactiveKamus) }
        }
        if !errors.isEmpty { throw .invalidFields(errors) }
        let unitPrice = item?.unitPrice ?? proposal.unitPrice
        let cost = try SSHPrice.minimumCost(volume: edit.volume, unitPrice: unitPrice)
        var changes: [FieldChange] = []
        func record(_ field: String, _ old: String, _ new: String) {
            if old != new { changes.append(FieldChange(field: field, old: old, new: new)) }
        }
        let title = edit.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let problem = edit.problem.trimmingCharacters(in: .whitespacesAndNewlines)
        let location = edit.locationText.trimmingCharacters(in: .whitespacesAndNewlines)
        record("title", proposal.title, title)
        record("problem", proposal.problem, problem)
        record("kamus", proposal.kamusId.description, edit.kamusId.description)
        record("volume", String(proposal.volume), String(edit.volume))
        record("cost", String(proposal.cost), String(cost))
        record("location", proposal.locationText, location)
        record("latitude", proposal.latitude.map { "\($0)" } ?? "", edit.latitude.map { "\($0)" } ?? "")
        record("longitude", proposal.longitude.map { "\($0)" } ?? "", edit.longitude.map { "\($0)" } ?? "")
        record("beneficiaries", String(proposal.beneficiaries), String(edit.beneficiaries))
        let output = edit.expectedOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome = edit.expectedOutcome.trimmingCharacters(in: .whitespacesAndNewlines)
        record("expected_output", proposal.expectedOutput, output)
        record("expected_outcome", proposal.expectedOutcome, outcome)
        proposal.expectedOutput = output
        proposal.expectedOutcome = outcome
        proposal.title = title
        proposal.problem = problem
        if let item {
            proposal.kamusId = item.id; proposal.bidangId = item.bidangId; proposal.opdId = item.opdId
            proposal.isFisik = item.isFisik; proposal.unit = item.unit; proposal.unitPrice = item.unitPrice
        }
        proposal.volume = edit.volume
        proposal.cost = cost
        proposal.locationText = location
        proposal.latitude = edit.latitude
        proposal.longitude = edit.longitude
        proposal.beneficiaries = edit.beneficiaries
        return changes
    }

    private static func recommend(_ change: ValueChange, level: Level, note: String, flagged: Bool, by actor: Actor,
                                  at now: Date, on proposal: inout Proposal) -> [FieldChange] {
        let before = (proposal.effectiveVolume, proposal.effectiveCost)
        proposal.recommendations[level] = Recommendation(level: level, volume: change.volume, cost: change.cost, note: note,
                                                         flaggedAboveTolerance: flagged, recommendedBy: actor.accountId,
                                                         recommendedAt: now)
        var changes: [FieldChange] = []
        if before.0 != change.volume {
            changes.append(FieldChange(field: "volume_\(level.rawValue)", old: String(before.0), new: String(change.volume)))
        }
        if before.1 != change.cost {
            changes.append(FieldChange(field: "cost_\(level.rawValue)", old: String(before.1), new: String(change.cost)))
        }
        return changes
    }

    /// Keeps envelope and routing consistent with a corrected state.
    private static func correctPlacement(of proposal: inout Proposal, to target: ProposalState) {
        if target.stage == .opd && proposal.routedOPDId == nil { proposal.routedOPDId = proposal.opdId }
        switch (target.stage, target.status) {
        case (.kelurahan, .didanai): proposal.envelope = .kelurahan(proposal.origin.kelurahanId)
        case (.kecamatan, .didanai): proposal.envelope = .kecamatan(proposal.origin.kecamatanId)
        case (.opd, .didanai): proposal.envelope = proposal.routedOPDId.map { .opd($0) }
        case (.kota, .ditetapkan): break
        default: proposal.envelope = nil
        }
    }

    static let inactiveKamus = FieldError(field: "kamus", message: "Kegiatan ini sudah tidak aktif di kamus usulan; pilih kegiatan lain.")

    /// The rules for a proposal's content, the same at creation and on every edit: every refused field at once.
    static func validate(_ content: ProposalEdit) -> [FieldError] {
        var errors: [FieldError] = []
        let blank = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(content.title) {
            errors.append(FieldError(field: "title", message: "Isi judul usulan, misalnya \"Perbaikan saluran air RT 03\"."))
        } else if content.title.count > 200 {
            errors.append(FieldError(field: "title", message: "Judul usulan paling panjang 200 karakter."))
        }
        if blank(content.problem) {
            errors.append(FieldError(field: "problem", message: "Isi permasalahan yang ingin diselesaikan."))
        }
        if content.volume <= 0 {
            errors.append(FieldError(field: "volume", message: "Isi volume dengan angka lebih dari 0, misalnya 120."))
        }
        if blank(content.locationText) {
            errors.append(FieldError(field: "location", message: "Isi lokasi kegiatan, misalnya \"Jl. Kenanga RT 01/RW 02\"."))
        }
        if content.expectedOutput.count > 2000 || content.expectedOutcome.count > 2000 {
            errors.append(FieldError(field: content.expectedOutput.count > 2000 ? "expected_output" : "expected_outcome",
                                     message: "Keluaran dan hasil yang diharapkan paling panjang 2.000 karakter."))
        }
        if content.beneficiaries < 0 {
            errors.append(FieldError(field: "beneficiaries", message: "Jumlah penerima manfaat tidak boleh negatif."))
        }
        if (content.latitude == nil) != (content.longitude == nil) {
            errors.append(FieldError(field: "coordinates", message: "Isi lintang dan bujur keduanya, atau kosongkan keduanya."))
        } else if let latitude = content.latitude, let longitude = content.longitude,
                  !(-90...90).contains(latitude) || !(-180...180).contains(longitude) || latitude.isNaN || longitude.isNaN {
            errors.append(FieldError(field: "coordinates", message: "Koordinat di luar rentang (lintang -90 sampai 90, bujur -180 sampai 180)."))
        }
        return errors
    }
}
