/// How many proposals and what they cost: `originalCost` sums the proposed costs, `effectiveCost` the costs in force
/// (the latest recommendation's).
public struct RecapTally: Hashable, Sendable {
    public var count = 0
    public var originalCost: Int64 = 0
    public var effectiveCost: Int64 = 0

    public init(count: Int = 0, originalCost: Int64 = 0, effectiveCost: Int64 = 0) {
        self.count = count; self.originalCost = originalCost; self.effectiveCost = effectiveCost
    }

    mutating func add(_ cell: RecapCell) {
        count += cell.count
        originalCost += cell.originalCost
        effectiveCost += cell.effectiveCost
    }
}

/// One group of a cycle's proposals as the recap reads it (`RecapRepository.cells`, a row of `recap_cells`): every
/// proposal with the same area, bidang, OPD, state and funding level, counted and summed. Every recap of the cycle is a
/// fold of these, so one read serves them all.
public struct RecapCell: Hashable, Sendable {
    public let kecamatanId: KecamatanID
    public let kelurahanId: KelurahanID
    public let bidangId: BidangID
    public let opdId: OPDID
    public let state: ProposalState
    /// The level of the envelope that funds (or funded) them; nil when none does.
    public let envelopeLevel: Level?
    public let count: Int
    public let originalCost: Int64
    public let effectiveCost: Int64
    /// Funded: inside an envelope or ratified from it (`ProposalStatus.funded`, what an envelope's use counts). Kept,
    /// not computed: every fold asks, for thousands of cells.
    public let isFunded: Bool
    /// `state.index`, kept for the same reason (the key of the recap by status).
    let stateIndex: Int

    public init(kecamatanId: KecamatanID, kelurahanId: KelurahanID, bidangId: BidangID, opdId: OPDID, state: ProposalState,
                envelopeLevel: Level?, count: Int, originalCost: Int64, effectiveCost: Int64) {
        self.kecamatanId = kecamatanId; self.kelurahanId = kelurahanId; self.bidangId = bidangId; self.opdId = opdId
        self.state = state; self.envelopeLevel = envelopeLevel; self.count = count
        self.originalCost = originalCost; self.effectiveCost = effectiveCost
        isFunded = ProposalStatus.funded.contains(state.status)
        stateIndex = state.index
    }

    /// Ended without funding by a decision: rejected at a level, or not ratified by the city.
    public var isRejected: Bool { state.status == .ditolak || state.status == .tidakDitetapkan }

    /// Still before or in the kelurahan's verification (submitted, endorsed, returned, waiting): no level accepted it yet.
    public var awaitsKelurahan: Bool {
        state.stage == .praMusrenbang || (state.stage == .kelurahan && [.verifikasi, .dikembalikan].contains(state.status))
    }

    /// F1 of `level`: funded from one of that level's envelopes.
    public func isF1(of level: Level) -> Bool { envelopeLevel == level && isFunded }

    /// F2 of `level`: passed on from it without its funding. The kelurahan's F2 went up to the kecamatan (wherever it
    /// is now, unless a kelurahan envelope funds it); the kecamatan's is its `f2` waiting to be routed, what it handed
    /// to Pokir DPRD or to an OPD (funded there or not); the OPD's is its `f2`.
    public func isF2(of level: Level) -> Bool {
        switch level {
        case .kelurahan: state.stage > .kelurahan && envelopeLevel != .kelurahan
        case .kecamatan:
            state == ProposalState(.kecamatan, .f2) || state == ProposalState(.kecamatan, .pokir) || state.stage == .opd
                || (state.stage == .kota && envelopeLevel == .opd)
        case .opd: state == ProposalState(.opd, .f2)
        case .kota: false
        }
    }

    /// The group's key in a recap by `dimension`: the id of its area, bidang or OPD, or the state's place in
    /// `ProposalState.all` (a number, so that folding thousands of cells hashes no text).
    func groupKey(_ dimension: RecapDimension) -> Int64 {
        switch dimension {
        case .kecamatan: kecamatanId.rawValue
        case .kelurahan: kelurahanId.rawValue
        case .bidang: bidangId.rawValue
        case .opd: opdId.rawValue
        case .status: Int64(stateIndex)
        }
    }
}

/// The steps of the pipeline funnel, each a subset of the one before.
public enum FunnelStep: String, CaseIterable, Hashable, Sendable {
    /// Every proposal out of the draft.
    case submitted
    /// Accepted by its kelurahan's verification (whatever happened later, a rejection higher up included).
    case acceptedByKelurahan
    /// Funded from an envelope at some level (F1 of the kelurahan, the kecamatan or an OPD).
    case funded
    /// Ratified by Bappeda into the RKPD.
    case ratified
}

/// One step of the funnel with what reached it.
public struct FunnelCount: Hashable, Sendable {
    public var step: FunnelStep
    public var tally: RecapTally
}

/// What the verifications decided: accepted by some level, rejected, or not decided yet (waiting or returned).
public struct DecisionSplit: Hashable, Sendable {
    public var accepted = RecapTally()
    public var rejected = RecapTally()
    public var undecided = RecapTally()
    /// The rejected ones by the stage that rejected them (kota: not ratified).
    public var rejectedByStage: [Stage: RecapTally] = [:]
    public init() {}
}

/// A level's F1 (funded from its envelopes) against its F2 (passed on without its funding).
public struct LevelSplit: Hashable, Sendable {
    public var level: Level
    public var f1 = RecapTally()
    public var f2 = RecapTally()
    public init(level: Level) { self.level = level }
}

/// The folds of one read's cells: recap rows per dimension, the F1/F2 split per level, the decisions, the funnel.
public struct RecapCells: Sendable {
    public let cells: [RecapCell]

    public init(_ cells: [RecapCell]) { self.cells = cells }

    /// Everything counted.
    public var total: RecapRow {
        var row = RecapRow(key: "", name: "", count: 0, originalCost: 0, effectiveCost: 0, fundedCount: 0, fundedCost: 0)
        for cell in cells { row.add(cell) }
        return row
    }

    /// Counts and sums grouped by `dimension`, keyed by the group's id as text (the status: "stage:status") and named
    /// from `names` (by that key; the key itself when missing): ordered by name, or by key for the status.
    public func rows(by dimension: RecapDimension, names: [String: String]) -> [RecapRow] {
        var groups: [Int64: RecapRow] = [:]
        for cell in cells {
            let key = cell.groupKey(dimension)
            if groups[key] == nil {
                let text = dimension == .status ? cell.state.description : String(key)
                groups[key] = RecapRow(key: text, name: names[text] ?? text, count: 0, originalCost: 0, effectiveCost: 0,
                                       fundedCount: 0, fundedCost: 0)
            }
            groups[key]!.add(cell)
        }
        if dimension == .status { return groups.values.sorted { $0.key < $1.key } }
        return groups.values.sorted { ($0.name, $0.key) < ($1.name, $1.key) }
    }

    /// What the envelopes of the kelurahan or the kecamatan level fund (cost in force of their funded proposals), by the
    /// envelope's area id: an area's envelope funds only proposals of that area (`Workflow`: an F1 goes to the envelope
    /// of the proposal's own kelurahan or kecamatan), so the cells hold it without another scan. Nil for the OPD, whose
    /// envelope is the one a proposal was routed to.
    public func funded(level: Level) -> [Int64: Int64]? {
        guard level == .kelurahan || level == .kecamatan else { return nil }
        var funded: [Int64: Int64] = [:]
        for cell in cells where cell.isF1(of: level) {
            funded[level == .kelurahan ? cell.kelurahanId.rawValue : cell.kecamatanId.rawValue, default: 0] += cell.effectiveCost
        }
        return funded
    }

    /// F1 against F2 at the kelurahan, the kecamatan and the OPD.
    public var levels: [LevelSplit] {
        [Level.kelurahan, .kecamatan, .opd].map { level in
            var split = LevelSplit(level: level)
            for cell in cells {
                if cell.isF1(of: level) { split.f1.add(cell) } else if cell.isF2(of: level) { split.f2.add(cell) }
            }
            return split
        }
    }

    public var decisions: DecisionSplit {
        var split = DecisionSplit()
        for cell in cells {
            if cell.isRejected {
                split.rejected.add(cell)
                split.rejectedByStage[cell.state.stage, default: RecapTally()].add(cell)
            } else if cell.awaitsKelurahan {
                split.undecided.add(cell)
            } else {
                split.accepted.add(cell)
            }
        }
        return split
    }

    /// The funnel from submitted to ratified; each step counts only what the step before counted.
    public var funnel: [FunnelCount] {
        var tallies = [RecapTally](repeating: RecapTally(), count: FunnelStep.allCases.count)
        for cell in cells {
            tallies[0].add(cell)
            let rejectedByKelurahan = cell.state == ProposalState(.kelurahan, .ditolak)
            guard !cell.awaitsKelurahan && !rejectedByKelurahan else { continue }
            tallies[1].add(cell)
            let ratified = cell.state == ProposalState(.kota, .ditetapkan)
            guard cell.envelopeLevel != nil || ratified else { continue }
            tallies[2].add(cell)
            if ratified { tallies[3].add(cell) }
        }
        return zip(FunnelStep.allCases, tallies).map { FunnelCount(step: $0, tally: $1) }
    }
}

extension RecapRow {
    mutating func add(_ cell: RecapCell) {
        count += cell.count
        originalCost += cell.originalCost
        effectiveCost += cell.effectiveCost
        if cell.isFunded {
            fundedCount += cell.count
            fundedCost += cell.effectiveCost
        }
    }
}
