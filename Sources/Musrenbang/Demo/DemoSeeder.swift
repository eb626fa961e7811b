import Foundation
import Storage

/// One demo account with the password generated for it (shown once, never stored in clear).
public struct DemoCredential: Hashable, Sendable {
    public var username: String
    public var role: Role
    /// Human-readable scope, e.g. "Kelurahan Cireundeu".
    public var scope: String
    public var password: String
}

/// What `DemoSeeder.run` did.
public struct DemoSeedReport: Sendable {
    /// True when the demo was already there and nothing was changed.
    public var alreadySeeded: Bool
    /// The accounts created, with their passwords (empty when already seeded).
    public var credentials: [DemoCredential]
    /// Row counts after seeding, e.g. ("proposals", 1900).
    public var counts: [(name: String, count: Int)]
    /// Notes printed with the report (schedule choice, illustrative data).
    public var notes: [String]
}

/// Seeds the demo city, Kota Tangerang Selatan: wilayah, catalog, two cycles (the previous one finished,
/// the current one in progress), ceilings, accounts, and proposals that went through the real workflow
/// (every state change is a `MusrenbangService` call, so every proposal has its full history).
///
/// Schedule of the current cycle "Musrenbang 2027 (RKPD 2028)", relative to D = the run date (00.00 WIB):
/// pra-Musrenbang D-75..D-45, kelurahan D-45..D-25, kecamatan D-25..D+14 (open now), Forum Perangkat Daerah
/// D-6..D+21 (open now: it starts while the kecamatan meetings finish), kota D+21..D+35. So a demo always
/// shows a cycle in progress whatever day it is seeded. The previous cycle is the same schedule a year earlier.
/// Deterministic for a given seed and run date; passwords are random.
public struct DemoSeeder {
    public let database: Database
    public let runDate: Date
    public let seed: UInt64
    /// yescrypt cost of the demo passwords. 3 (about 7 ms, 4 MiB) instead of the default 5 (about 30 ms,
    /// 16 MiB): the work factor protects guessable human passwords, while these are 12 random characters
    /// (about 69 bits) that no amount of hashing speed makes guessable, and the seed hashes 168 of them.
    /// A password changed later (`musrenbang user passwd`, the portal) gets the default cost.
    public let hashCost: UInt
    /// The stage of the current cycle that is open on the seed's day (`seedableStages`): the pra-Musrenbang shows the
    /// residents' and the RT/RW heads' paths, the kelurahan its verification, the kecamatan (the default) and the
    /// OPD forum theirs. Stages before it have run; its own meetings are under way.
    public let stage: Stage

    /// The stages a demo can be seeded at.
    public static let seedableStages: [Stage] = [.praMusrenbang, .kelurahan, .kecamatan, .opd]

    public init(database: Database, runDate: Date = Date(), seed: UInt64 = 20_270_101, hashCost: UInt = 3,
                stage: Stage = .kecamatan) {
        self.database = database; self.runDate = runDate; self.seed = seed; self.hashCost = hashCost; self.stage = stage
    }

    /// Seeds the demo unless it is already there (then changes nothing).
    public func run() throws -> DemoSeedReport {
        let existing: (kota: Bool, complete: Bool) = try database.read { db in
            guard try WilayahRepository(db).kota(code: TangselReference.cityCode) != nil else { return (false, false) }
            // The seed's last write replaces every demo account's placeholder hash "!" (storePasswordHashes):
            // a real hash on `admin` means every phase before it was committed.
            let adminHash: String? = try db.scalar("SELECT password_hash FROM accounts WHERE username = 'admin'")
            return (true, adminHash.map { $0 != "!" } ?? false)
        }
        if existing.kota {
            guard existing.complete else {
                throw PersistenceError.corrupt("data demo \(TangselReference.cityName) hanya sebagian (seed terputus?); hapus berkas basis data lalu ulangi")
            }
            return DemoSeedReport(alreadySeeded: true, credentials: [], counts: try DemoSeedRun.counts(database), notes: [])
        }
        guard Self.seedableStages.contains(stage) else {
            throw DomainError.invalidInput(field: "tahap demo", detail: Self.seedableStages.map(\.rawValue).joined(separator: ", "))
        }
        let seeding = try DemoSeedRun(database: database, runDate: runDate, seed: seed, hashCost: hashCost, stage: stage)
        try seeding.seed()
        return DemoSeedReport(alreadySeeded: false, credentials: seeding.credentials, counts: try DemoSeedRun.counts(database),
                              notes: seeding.notes)
    }
}

/// The state of one seeding run. A class because every phase reads and extends the same maps.
final class DemoSeedRun {
    let database: Database
    let clock: ManualClock
    let service: MusrenbangService
    let hashCost: UInt
    var random: SeededRandom
    let today: Date
    var credentials: [DemoCredential] = []
    var notes: [String] = []

    var kotaId: KotaID!
    var kecamatan: [(id: KecamatanID, name: String)] = []
    var kelurahan: [(id: KelurahanID, kecamatanId: KecamatanID, name: String)] = []
    var rtsByKelurahan: [KelurahanID: [(rw: Int, rt: Int, origin: Origin)]] = [:]
    var kamus: [(item: KamusItem, typical: ClosedRange<Int64>)] = []
    var opds: [OPD] = []
    var previous: Cycle!
    var current: Cycle!
    var criteria: [CycleID: [ScoringCriterion]] = [:]

    var operatorOf: [KelurahanID: Actor] = [:]
    var lurahOf: [KelurahanID: Actor] = [:]
    var camatOf: [KecamatanID: Actor] = [:]
    var verifierOf: [OPDID: Actor] = [:]
    var wargaOf: [KelurahanID: [(actor: Actor, name: String, origin: Origin, rw: Int, rt: Int)]] = [:]
    /// Every resident's actor by account (a returned online proposal is resubmitted by its resident).
    var residentActor: [AccountID: Actor] = [:]
    var ketuaRTOf: [RTID: Actor] = [:]
    var ketuaRWOf: [RWID: Actor] = [:]
    var bappeda: Actor!
    var hashJob: HashJob?
    /// The current cycle's stage open on the seed's day.
    let stage: Stage

    init(database: Database, runDate: Date, seed: UInt64, hashCost: UInt, stage: Stage = .kecamatan) throws {
        self.database = database
        self.hashCost = hashCost
        self.stage = stage
        let f = WIBTime.fields(runDate, offset: WIBTime.offsetSeconds)
        today = WIBTime.date(year: f.year, month: f.month, day: f.day)
        clock = ManualClock(today.addingTimeInterval(-450 * 86_400))
        service = try MusrenbangService(database: database, clock: .manual(clock), hasher: PasswordHasher(cost: hashCost))
        random = SeededRandom(seed: seed)
    }

    static let day: TimeInterval = 86_400

    func seed() throws {
        try masterData()
        try cycles()
        try accounts()
        for cycle in [previous!, current!] {
            _ = try service.computeCeilings(cycleId: cycle.id, by: bappeda)
        }
        // The previous cycle, finished and ratified.
        try praMusrenbang(previous, perKelurahan: 5...9, carryFrom: nil)
        try kelurahanMeetings(previous, lagging: [], lockShare: 1, leaveShare: 0)
        try kecamatanMeetings(previous, notAllocated: [], lockShare: 1, leaveShare: 0)
        try opdForum(previous, allocateShare: 1, lockShare: 1, leaveShare: 0)
        try kotaMeeting(previous)
        // The current cycle up to the stage open today: the stages before it have run, its own meetings are under way.
        try praMusrenbang(current, perKelurahan: 20...36, carryFrom: previous)
        let lagging = Set([kelurahan[10].id, kelurahan[40].id])
        switch stage {
        case .praMusrenbang:
            break
        case .kelurahan:
            try kelurahanMeetings(current, lagging: lagging, lockShare: 0.4, leaveShare: 0.25)
        case .opd:
            try kelurahanMeetings(current, lagging: [], lockShare: 1, leaveShare: 0)
            try kecamatanMeetings(current, notAllocated: [], lockShare: 1, leaveShare: 0)
            try opdForum(current, allocateShare: 0.5, lockShare: 0.5, leaveShare: 0.2)
        default:
            try kelurahanMeetings(current, lagging: lagging, lockShare: 0.85, leaveShare: 0.05)
            try kecamatanMeetings(current, notAllocated: [kecamatan.last!.id], lockShare: 0.5, leaveShare: 0.06)
            try opdForum(current, allocateShare: 0.5, lockShare: 1, leaveShare: 0.12)
        }
        try announcements(current)
        try feedback()
        clock.set(today)
        try storePasswordHashes()
        notes.append("Jadwal siklus berjalan (relatif terhadap tanggal seed \(WIBTime.formatDate(today))): " +
                     current.windows.values.sorted { $0.stage < $1.stage }.map { "\($0.stage.displayName) \($0.scheduleText)" }
                        .joined(separator: "; "))
        notes.append("Data kriteria pagu (penduduk, luas, realisasi PBB, rumah tangga miskin) dan harga SSH adalah ILUSTRASI, bukan data resmi.")
        notes.append("Tahap yang sedang dibuka pada siklus berjalan: \(stage.displayName) (pilih dengan --stage).")
        if stage == .kecamatan { notes.append("Kelurahan \(kelurahan[10].name) dan \(kelurahan[40].name) belum menjalankan alokasi; Kecamatan \(kecamatan.last!.name) belum menjalankan alokasi; tahap kota belum dibuka (status kota:* hanya ada pada siklus sebelumnya).") }
    }

    // MARK: Master data

    private func masterData() throws {
        try database.write { db in
            let wilayah = WilayahRepository(db), catalog = CatalogRepository(db)
            kotaId = try wilayah.insertKota(code: TangselReference.cityCode, name: TangselReference.cityName)
            for (k, kec) in TangselReference.kecamatan.enumerated() {
                let kecId = try wilayah.insertKecamatan(kotaId: kotaId, code: DemoText.pad(k + 1), name: kec.name)
                kecamatan.append((kecId, kec.name))
                for (l, name) in kec.kelurahan.enumerated() {
                    let kelId = try wilayah.insertKelurahan(kecamatanId: kecId, code: "\(DemoText.pad(k + 1)).\(DemoText.pad(l + 1))", name: name)
                    kelurahan.append((kelId, kecId, name))
                    for w in 1...random.int(5...15) {
                        let rwId = try wilayah.insertRW(kelurahanId: kelId, number: w)
                        for t in 1...random.int(4...10) {
                            let rtId = try wilayah.insertRT(rwId: rwId, number: t)
                            rtsByKelurahan[kelId, default: []].append(
                                (w, t, Origin(kecamatanId: kecId, kelurahanId: kelId, rwId: rwId, rtId: rtId)))
                        }
                    }
                }
            }
            var bidangIds: [BidangID] = []
            for (i, name) in TangselReference.bidang.enumerated() {
                bidangIds.append(try catalog.insertBidang(code: ["FP", "EK", "SB"][i], name: name))
            }
            var opdIds: [String: OPDID] = [:]
            for pd in TangselReference.perangkatDaerah {
                let id = try catalog.insertOPD(code: pd.code, name: pd.name, shortName: pd.code)
                opdIds[pd.code] = id
                opds.append(OPD(id: id, code: pd.code, name: pd.name, shortName: pd.code))
            }
            for (i, k) in TangselReference.kamus.enumerated() {
                var item = KamusItem(id: KamusID(0), code: "KU-\(String(format: "%03d", i + 1))", name: k.name,
                                     bidangId: bidangIds[k.bidang], opdId: opdIds[k.opd]!, unit: k.satuan,
                                     unitPrice: k.unitPrice, isFisik: k.fisik)
                item.id = try catalog.insertKamus(item)
                kamus.append((item, k.typicalVolume))
            }
        }
    }

    private func windows(shiftedBy shift: TimeInterval) -> [StageWindow] {
        let d = Self.day
        let spans: [(Stage, Double, Double)] = [
            (.praMusrenbang, -75, -45), (.kelurahan, -45, -25), (.kecamatan, -25, 14), (.opd, -6, 21), (.kota, 21, 35),
        ]
        // The schedule above has the kecamatan open today; another stage moves the whole schedule so that it is.
        let moved: Double = switch stage {
        case .praMusrenbang: 60
        case .kelurahan: 35
        case .opd: -16
        default: 0
        }
        return spans.map { StageWindow(stage: $0.0, opensAt: today.addingTimeInterval(($0.1 + moved) * d + shift),
                                       closesAt: today.addingTimeInterval(($0.2 + moved) * d + shift)) }
    }

    private func cycles() throws {
        let createdAt = today.addingTimeInterval(-460 * Self.day)
        // Illustrative criteria per kelurahan: ~1.4 million people in all, areas from the kecamatan areas.
        var inputs: [CeilingInput] = []
        for kec in TangselReference.kecamatan.indices {
            let members = kelurahan.filter { $0.kecamatanId == kecamatan[kec].id }
            let hectares = TangselReference.kecamatan[kec].areaHectares
            for member in members {
                let population = random.int64(14_000...40_000)
                let area = hectares * 10_000 / Int64(members.count) * random.int64(60...140) / 100
                let pbb = population * random.int64(150_000...650_000)
                let poor = population / 4 * random.int64(20...90) / 1000
                inputs.append(CeilingInput(areaId: member.id.rawValue, population: population, area: area,
                                           pbbRealisation: pbb, poorHouseholds: poor))
            }
        }
        try database.write { db in
            let cycles = CycleRepository(db), ceilings = CeilingRepository(db)
            previous = try cycles.insert(kotaId: kotaId, planYear: 2026, budgetYear: 2027, name: "Musrenbang 2026 (RKPD 2027)",
                                         windows: windows(shiftedBy: -364 * Self.day), at: createdAt)
            current = try cycles.insert(kotaId: kotaId, planYear: 2027, budgetYear: 2028, name: "Musrenbang 2027 (RKPD 2028)",
                                        windows: windows(shiftedBy: 0), at: createdAt.addingTimeInterval(364 * Self.day))
            let formula = CeilingFormula(baseShareBasisPoints: 4000,
                                         weights: [.population: 40, .area: 20, .pbbRealisation: 20, .poorHouseholds: 20],
                                         roundingUnit: 1_000_000)
            let opdAmounts: [String: Int64] = ["DPUPR": 3_500_000_000, "DISPERKIMTA": 3_500_000_000, "DINKES": 1_200_000_000,
                                               "DLH": 1_200_000_000, "DISHUB": 1_000_000_000, "DINDIKBUD": 1_000_000_000]
            for cycle in [previous!, current!] {
                var list: [ScoringCriterion] = []
                for (i, (code, name, weight)) in [("urgensi", "Tingkat urgensi", 35), ("manfaat", "Jumlah penerima manfaat", 25),
                                                  ("prioritas", "Kesesuaian dengan prioritas kota", 25),
                                                  ("kesiapan", "Kesiapan lokasi dan lahan", 15)].enumerated() {
                    let id = try cycles.insertScoringCriterion(cycleId: cycle.id, code: code, name: name, weight: weight, position: i)
                    list.append(ScoringCriterion(id: id, code: code, name: name, weight: weight))
                }
                criteria[cycle.id] = list
                // The previous cycle had about a quarter of the proposals, and smaller ceilings to match.
                let isCurrent = cycle.id == current.id
                try ceilings.saveSettings(cycleId: cycle.id, level: .kelurahan,
                                          total: isCurrent ? 40_000_000_000 : 12_000_000_000, formula: formula)
                var kecFormula = formula
                kecFormula.roundingUnit = 10_000_000
                try ceilings.saveSettings(cycleId: cycle.id, level: .kecamatan,
                                          total: isCurrent ? 18_000_000_000 : 5_000_000_000, formula: kecFormula)
                for input in inputs { try ceilings.saveInput(cycleId: cycle.id, input) }
                for opd in opds { try ceilings.setOPDCeiling(cycleId: cycle.id, opdId: opd.id, amount: opdAmounts[opd.code] ?? 600_000_000) }
                try cycles.insertGroupShare(cycleId: cycle.id, level: .kelurahan, share: GroupShare(group: .fisik, capBasisPoints: 7000))
                try cycles.insertGroupShare(cycleId: cycle.id, level: .kecamatan, share: GroupShare(group: .fisik, capBasisPoints: 8000))
            }
        }
        notes.append("Siklus berjalan: total pagu kelurahan Rp 40 miliar, pagu kecamatan Rp 18 miliar (dibagi dengan rumus: 40% rata, 60% berbobot penduduk 40, luas 20, PBB 20, RT miskin 20); porsi fisik maksimal 70% (kelurahan) dan 80% (kecamatan).")
    }

    // MARK: Accounts

    private static func slug(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    private static func password() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
    }

    private func accounts() throws {
        struct Pending { var username: String; var name: String; var role: Role; var scope: Scope; var scopeText: String }
        var pending: [Pending] = []
        for kel in kelurahan {
            let slug = Self.slug(kel.name)
            pending.append(Pending(username: "op.\(slug)", name: "Operator Kelurahan \(kel.name)", role: .operatorKelurahan,
                                   scope: .kelurahan(kel.id), scopeText: "Kelurahan \(kel.name)"))
            pending.append(Pending(username: "lurah.\(slug)", name: "Lurah \(kel.name)", role: .verifikatorKelurahan,
                                   scope: .kelurahan(kel.id), scopeText: "Kelurahan \(kel.name)"))
        }
        // Residents with their Ketua RT and Ketua RW in the first kelurahan of each kecamatan.
        var wargaPlaces: [String: (KelurahanID, (rw: Int, rt: Int, origin: Origin))] = [:]
        for kec in kecamatan {
            let kel = kelurahan.first { $0.kecamatanId == kec.id }!
            let place = rtsByKelurahan[kel.id]![random.int(0...(rtsByKelurahan[kel.id]!.count - 1))]
            let slug = Self.slug(kel.name), where_ = "RT \(DemoText.pad(place.rt))/RW \(DemoText.pad(place.rw)) \(kel.name)"
            for n in 1...2 {
                let name = DemoText.personName(&random)
                pending.append(Pending(username: "warga\(n).\(slug)", name: name, role: .warga, scope: .selfOnly, scopeText: where_))
                wargaPlaces["warga\(n).\(slug)"] = (kel.id, place)
            }
            pending.append(Pending(username: "rt.\(slug)", name: "Ketua RT \(DemoText.pad(place.rt)) \(kel.name)", role: .ketuaRT,
                                   scope: .rt(place.origin.rtId!), scopeText: where_))
            pending.append(Pending(username: "rw.\(slug)", name: "Ketua RW \(DemoText.pad(place.rw)) \(kel.name)", role: .ketuaRW,
                                   scope: .rw(place.origin.rwId!), scopeText: "RW \(DemoText.pad(place.rw)) \(kel.name)"))
        }
        for kec in kecamatan {
            let slug = Self.slug(kec.name)
            pending.append(Pending(username: "camat.\(slug)", name: "Camat \(kec.name)", role: .camat,
                                   scope: .kecamatan(kec.id), scopeText: "Kecamatan \(kec.name)"))
            pending.append(Pending(username: "opkec.\(slug)", name: "Operator Kecamatan \(kec.name)", role: .operatorKecamatan,
                                   scope: .kecamatan(kec.id), scopeText: "Kecamatan \(kec.name)"))
        }
        for opd in opds {
            pending.append(Pending(username: "opd.\(opd.code.lowercased())", name: "Verifikator \(opd.code)", role: .verifikatorOPD,
                                   scope: .opd(opd.id), scopeText: opd.name))
        }
        pending.append(Pending(username: "bappeda", name: "Bappeda Kota Tangerang Selatan", role: .bappeda, scope: .kota,
                               scopeText: TangselReference.cityName))
        pending.append(Pending(username: "admin", name: "Admin Sistem", role: .adminSistem, scope: .system, scopeText: "sistem"))

        // yescrypt is slow by design (about 30 ms and 16 MiB per hash): hash on a background thread while
        // the seeding goes on, and store the hashes at the end. Until then the accounts hold "!", which no
        // password verifies against.
        let passwords = pending.map { _ in Self.password() }
        hashJob = HashJob(passwords: passwords, hasher: PasswordHasher(cost: hashCost))
        let createdAt = clock.now
        let ids: [AccountID] = try database.write { db in
            let repository = AccountRepository(db)
            return try pending.indices.map { i in
                // Residents carry illustrative personal data (valid in form, plainly not real: a phone in a test range,
                // an e-mail under the reserved .invalid domain, a NIK of Banten / Tangerang Selatan born 1 January
                // 1990) and their home RT, so that every privacy rule has real data to guard.
                let resident = pending[i].role == .warga
                return try repository.insert(
                    username: pending[i].username, passwordHash: "!", displayName: pending[i].name,
                    roles: [try RoleAssignment(role: pending[i].role, scope: pending[i].scope)],
                    nik: resident ? String(format: "367401010190%04d", i + 1) : nil,
                    phone: resident ? String(format: "+6281000000%03d", i + 1) : nil,
                    email: resident ? "\(pending[i].username)@warga-demo.invalid" : nil,
                    homeRtId: resident ? wargaPlaces[pending[i].username]?.1.origin.rtId : nil, at: createdAt)
            }
        }
        for (i, p) in pending.enumerated() {
            let actor = Actor(accountId: ids[i], role: p.role, scope: p.scope)
            credentials.append(DemoCredential(username: p.username, role: p.role, scope: p.scopeText, password: passwords[i]))
            switch p.scope {
            case .kelurahan(let id): if p.role == .operatorKelurahan { operatorOf[id] = actor } else { lurahOf[id] = actor }
            case .kecamatan(let id): if p.role == .camat { camatOf[id] = actor }
            case .opd(let id): verifierOf[id] = actor
            case .rt(let id): ketuaRTOf[id] = actor
            case .rw(let id): ketuaRWOf[id] = actor
            case .kota: bappeda = actor
            case .selfOnly:
                let (kel, place) = wargaPlaces[p.username]!
                wargaOf[kel, default: []].append((actor, p.name, place.origin, place.rw, place.rt))
                residentActor[actor.accountId] = actor
            case .system: break
            }
        }
    }

    /// Waits for the background hashing and stores the hashes.
    private func storePasswordHashes() throws {
        guard let job = hashJob else { return }
        let hashes = job.wait()
        guard !hashes.contains("") else { throw PasswordHashError.hashingFailed }
        try database.write { db in
            let repository = AccountRepository(db)
            for (credential, hash) in zip(credentials, hashes) {
                _ = try repository.setPasswordHash(username: credential.username, passwordHash: hash)
            }
        }
    }

    // MARK: Phases

    /// The open transaction of the current batch (one per kelurahan, kecamatan or OPD meeting).
    private var session: MusrenbangTransaction?
    private var s: MusrenbangTransaction { session! }

    /// Runs `body` as one transaction (one commit for a whole meeting keeps the seed fast).
    private func batch(_ body: () throws -> Void) throws {
        try service.transaction { opened in
            session = opened
            defer { session = nil }
            try body()
        }
    }

    /// Puts the clock 2 hours after `stage` opens.
    private func begin(_ stage: Stage, of cycle: Cycle) { clock.set(cycle.windows[stage]!.opensAt.addingTimeInterval(7200)) }

    /// Every action takes a minute or two of somebody's time.
    private func tick() { clock.advance(Double(random.int(40...150))) }

    @discardableResult
    private func act(_ input: TransitionInput, _ p: Proposal, by actor: Actor) throws -> Proposal {
        tick()
        return try s.apply(input, to: .id(p.id), by: actor)
    }

    @discardableResult
    private func act(_ action: Action, _ p: Proposal, by actor: Actor, reason: String? = nil) throws -> Proposal {
        try act(TransitionInput(action, expectedVersion: p.version, reason: reason), p, by: actor)
    }

    private func praMusrenbang(_ cycle: Cycle, perKelurahan: ClosedRange<Int>, carryFrom earlier: Cycle?) throws {
        begin(.praMusrenbang, of: cycle)
        var carriable: [KelurahanID: [Proposal]] = [:]
        if let earlier {
            let states = ["kelurahan:ditolak", "kecamatan:ditolak", "kecamatan:f2", "opd:ditolak", "opd:f2", "kota:tidak_ditetapkan"]
                .map { text -> ProposalState in
                    let parts = text.split(separator: ":").map(String.init)
                    return ProposalState(Stage(rawValue: parts[0])!, ProposalStatus(rawValue: parts[1])!)
                }
            for p in try service.proposals(ProposalFilter(cycleId: earlier.id, states: states)) {
                carriable[p.origin.kelurahanId, default: []].append(p)
            }
        }
        for kel in kelurahan { try batch {
            let op = operatorOf[kel.id]!
            for old in carriable[kel.id] ?? [] where random.chance(0.35) {
                tick()
                let carried = try s.carryOver(.id(old.id), expectedVersion: old.version, into: cycle.id, by: op)
                try act(.ajukan, carried, by: op)
            }
            for _ in 0..<random.int(perKelurahan) {
                try propose(in: kel, cycle: cycle)
            }
        } }
    }

    private func propose(in kel: (id: KelurahanID, kecamatanId: KecamatanID, name: String), cycle: Cycle) throws {
        let residents = wargaOf[kel.id] ?? []
        let resident = !residents.isEmpty && random.chance(0.6) ? random.pick(residents) : nil
        let place = resident.map { (rw: $0.rw, rt: $0.rt, origin: $0.origin) } ?? random.pick(rtsByKelurahan[kel.id]!)
        // Fisik items are proposed about twice as often as the others.
        var entry = random.pick(kamus)
        if !entry.item.isFisik && random.chance(0.4) { entry = random.pick(kamus.filter { $0.item.isFisik }) }
        let (street, location) = DemoText.location(&random, rw: place.rw, rt: place.rt)
        let new = NewProposal(
            origin: place.origin, proposerAccountId: nil, proposerName: resident?.name ?? DemoText.personName(&random),
            title: DemoText.title(kamus: entry.item.name, street: street, rw: place.rw, rt: place.rt, kelurahan: kel.name),
            problem: DemoText.problem(kamus: entry.item.name, street: street, random: &random), kamusId: entry.item.id,
            volume: random.int64(entry.typical), locationText: "\(location), Kelurahan \(kel.name)",
            beneficiaries: Int64(random.int(30...600)))
        let author = resident?.actor ?? operatorOf[kel.id]!
        tick()
        var p = try s.create(new, cycleId: cycle.id, by: author)
        if random.chance(0.05) { return }                                  // still a draft
        p = try act(.ajukan, p, by: author)
        guard resident != nil, let rtId = place.origin.rtId, let rwId = place.origin.rwId else { return }
        let ketuaRT = ketuaRTOf[rtId]!, ketuaRW = ketuaRWOf[rwId]!
        let r = random.unit()
        if r < 0.05 { return }                                             // the Ketua RT has not acted yet
        if r < 0.15 {
            p = try act(.kembalikan, p, by: ketuaRT, reason: random.pick(DemoText.returnReasons))
            if random.chance(0.6) { return }                               // waiting for the resident
            let edit = ProposalEdit(title: p.title, problem: p.problem + " Foto dan ukuran lokasi sudah dilengkapi.",
                                    kamusId: entry.item.id, volume: p.volume, locationText: p.locationText, beneficiaries: p.beneficiaries)
            p = try act(TransitionInput(.ubah, expectedVersion: p.version, edit: edit), p, by: author)
            p = try act(.ajukan, p, by: author)
        }
        p = try act(.setujui, p, by: ketuaRT)
        if random.chance(0.05) { return }                                  // waiting for the Ketua RW
        try act(.setujui, p, by: ketuaRW)
    }

    /// A verifier's change: fewer units (or, for a single unit, a price 5% above the SSH within tolerance).
    private func change(for p: Proposal) -> ValueChange {
        let volume = p.effectiveVolume
        if volume > 1 {
            let smaller = max(1, volume * Int64(random.int(60...90)) / 100)
            return ValueChange(volume: smaller, cost: smaller * p.unitPrice)
        }
        return ValueChange(volume: 1, cost: p.effectiveCost + p.unitPrice / 20 + 1)
    }

    private func verify(_ p: Proposal, by actor: Actor, leave: Double, reject: Double, change changeShare: Double) throws -> Proposal? {
        let r = random.unit()
        if r < leave { return nil }
        if r < leave + reject { return try act(.tolak, p, by: actor, reason: random.pick(DemoText.rejectReasons)) }
        if r < leave + reject + changeShare {
            return try act(TransitionInput(.terimaDenganPerubahan, expectedVersion: p.version,
                                           reason: random.pick(DemoText.changeReasons), change: change(for: p)), p, by: actor)
        }
        return try act(.terima, p, by: actor)
    }

    /// Scores and ranks the envelope's candidates and runs its draft allocation; returns the run (what a berita acara
    /// applies).
    @discardableResult
    private func rankAndAllocate(_ envelope: FundingEnvelope, cycle: Cycle, by actor: Actor) throws -> Int64 {
        let candidates = try s.candidates(for: envelope, cycleId: cycle.id)
        var scores: [ProposalID: [ScoringCriterionID: Int]] = [:]
        for p in candidates {
            var sheet: [ScoringCriterionID: Int] = [:]
            for criterion in criteria[cycle.id]! { sheet[criterion.id] = random.int(1...5) }
            scores[p.id] = sheet
        }
        tick()
        try s.rank(envelope, cycleId: cycle.id, scores: scores, by: actor)
        tick()
        return try s.runAllocation(envelope, cycleId: cycle.id, by: actor).runId
    }

    /// The end of a meeting of `envelope`: when it signs its berita acara (a `lockShare` chance) it first decides every
    /// proposal still waiting; it ranks and runs the allocation, then signs with that run. Returns whether it signed.
    @discardableResult
    private func meeting(_ envelope: FundingEnvelope, cycle: Cycle, by actor: Actor, lockShare: Double, reject: Double,
                         documentNumber: String, note: String = "") throws -> Bool {
        let locking = random.chance(lockShare)
        if locking {
            var waiting = MusrenbangTransaction.candidateFilter(envelope, cycleId: cycle.id)
            waiting.states = [ProposalState(envelope.level.stage, .verifikasi)]
            for p in try s.proposals(waiting) { _ = try verify(p, by: actor, leave: 0, reject: reject, change: 0.1) }
        }
        let run = try rankAndAllocate(envelope, cycle: cycle, by: actor)
        guard locking else { return false }
        tick()
        try s.lockLevel(envelope.lockKey, cycleId: cycle.id, runId: run, documentNumber: documentNumber, note: note, by: actor)
        return true
    }

    private func kelurahanMeetings(_ cycle: Cycle, lagging: Set<KelurahanID>, lockShare: Double, leaveShare: Double) throws {
        begin(.kelurahan, of: cycle)
        for kel in kelurahan { try batch {
            let lurah = lurahOf[kel.id]!, op = operatorOf[kel.id]!
            let waiting = try s.proposals(ProposalFilter(cycleId: cycle.id, kelurahanId: kel.id,
                                                               states: [ProposalState(.kelurahan, .verifikasi)]))
            for p in waiting {
                let r = random.unit()
                if r < 0.06 {
                    let returned = try act(.kembalikan, p, by: lurah, reason: random.pick(DemoText.returnReasons))
                    if random.chance(0.5) { continue }                     // still with the proposer
                    let again = try act(.ajukan, returned, by: returned.isEnteredByProposer ? residentActor[returned.proposerAccountId!]! : op)
                    try act(.terima, again, by: lurah)
                    continue
                }
                _ = try verify(p, by: lurah, leave: leaveShare, reject: 0.08, change: 0.11)
            }
            if lagging.contains(kel.id) { return }
            try meeting(.kelurahan(kel.id), cycle: cycle, by: lurah, lockShare: lockShare, reject: 0.08,
                        documentNumber: "BA/\(cycle.planYear)/KEL-\(kel.id)", note: "Berita acara Musrenbang Kelurahan \(kel.name)")
        } }
    }

    private func kecamatanMeetings(_ cycle: Cycle, notAllocated: Set<KecamatanID>, lockShare: Double, leaveShare: Double) throws {
        begin(.kecamatan, of: cycle)
        for kec in kecamatan { try batch {
            let camat = camatOf[kec.id]!
            let waiting = try s.proposals(ProposalFilter(cycleId: cycle.id, kecamatanId: kec.id,
                                                               states: [ProposalState(.kecamatan, .verifikasi)]))
            for p in waiting { _ = try verify(p, by: camat, leave: leaveShare, reject: 0.10, change: 0.10) }
            if notAllocated.contains(kec.id) { return }
            guard try meeting(.kecamatan(kec.id), cycle: cycle, by: camat, lockShare: lockShare, reject: 0.10,
                              documentNumber: "BA/\(cycle.planYear)/KEC-\(kec.id)", note: "Berita acara Musrenbang Kecamatan \(kec.name)")
            else { return }
            // After the berita acara the F2 list is passed up; a few wait for the camat's decision.
            let overflow = try s.proposals(ProposalFilter(cycleId: cycle.id, kecamatanId: kec.id,
                                                          states: [ProposalState(.kecamatan, .f2)]))
            for p in overflow {
                let r = random.unit()
                if r < 0.82 {
                    try act(.rutekanOPD, p, by: camat)
                } else if r < 0.92 {
                    try act(.rutekanPokir, p, by: camat)
                }
            }
        } }
    }

    private func opdForum(_ cycle: Cycle, allocateShare: Double, lockShare: Double, leaveShare: Double) throws {
        begin(.opd, of: cycle)
        for (index, opd) in opds.enumerated() { try batch {
            let verifier = verifierOf[opd.id]!
            let waiting = try s.proposals(ProposalFilter(cycleId: cycle.id, routedOPDId: opd.id,
                                                               states: [ProposalState(.opd, .verifikasi)]))
            for p in waiting { _ = try verify(p, by: verifier, leave: leaveShare, reject: 0.15, change: 0.10) }
            // Deterministic split: with allocateShare 0.5, every other OPD has run its allocation.
            guard allocateShare >= 1 || index % 2 == 0 else { return }
            try meeting(.opd(opd.id), cycle: cycle, by: verifier, lockShare: lockShare, reject: 0.15,
                        documentNumber: "BA/\(cycle.planYear)/FPD-\(opd.code)")
        } }
    }

    private func kotaMeeting(_ cycle: Cycle) throws {
        begin(.kota, of: cycle)
        try batch {
            let funded = try s.proposals(ProposalFilter(cycleId: cycle.id, states: [
                ProposalState(.kelurahan, .didanai), ProposalState(.kecamatan, .didanai), ProposalState(.opd, .didanai)]))
            for p in funded {
                if random.chance(0.05) {
                    try act(.tidakTetapkan, p, by: bappeda, reason: random.pick(DemoText.notRatifiedReasons))
                } else {
                    try act(.tetapkan, p, by: bappeda)
                }
            }
            tick()
            try s.lockLevel(.kota, cycleId: cycle.id, documentNumber: "BA/\(cycle.planYear)/KOTA", by: bappeda)
        }
    }

    /// Row counts of the main tables.
    static func counts(_ database: Database) throws -> [(name: String, count: Int)] {
        try database.read { db in
            try ["kecamatan", "kelurahan", "rw", "rt", "opd", "kamus_usulan", "accounts", "cycles", "proposals",
                 "proposal_events", "allocation_runs", "level_locks", "feedback"].map { table in
                (table, try db.scalar("SELECT count(*) FROM \(table)") ?? 0)
            }
        }
    }
}

/// Password hashes computed on a background thread. `@unchecked Sendable`: `hashes` is written only by
/// the worker before it signals `done`, and read only after `wait()` returned.
final class HashJob: @unchecked Sendable {
    private var hashes: [String] = []
    private let done = DispatchSemaphore(value: 0)

    init(passwords: [String], hasher: PasswordHasher) {
        let thread = Thread { [self] in
            hashes = passwords.map { (try? hasher.hash($0)) ?? "" }
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The hashes, in the order of the passwords ("" where hashing failed).
    func wait() -> [String] {
        done.wait()
        return hashes
    }
}
