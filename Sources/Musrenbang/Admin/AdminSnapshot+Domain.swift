import Foundation

/// The logged state of each administered value: the fields a reader of the log needs, nothing secret.
extension AdminSnapshot {
    /// A kecamatan: id, kota, code, name.
    public init(_ kecamatan: Kecamatan) {
        self.init(["id": .integer(kecamatan.id.rawValue), "kota_id": .integer(kecamatan.kotaId.rawValue),
                   "code": .text(kecamatan.code), "name": .text(kecamatan.name)])
    }

    /// A kelurahan: id, kecamatan, code, name.
    public init(_ kelurahan: Kelurahan) {
        self.init(["id": .integer(kelurahan.id.rawValue), "kecamatan_id": .integer(kelurahan.kecamatanId.rawValue),
                   "code": .text(kelurahan.code), "name": .text(kelurahan.name)])
    }

    /// An RW: id, kelurahan, number.
    public init(_ rw: RukunWarga) {
        self.init(["id": .integer(rw.id.rawValue), "kelurahan_id": .integer(rw.kelurahanId.rawValue),
                   "number": .integer(Int64(rw.number))])
    }

    /// An RT: id, RW, number.
    public init(_ rt: RukunTetangga) {
        self.init(["id": .integer(rt.id.rawValue), "rw_id": .integer(rt.rwId.rawValue), "number": .integer(Int64(rt.number))])
    }

    /// An OPD: id, code, name, short name.
    public init(_ opd: OPD) {
        self.init(["id": .integer(opd.id.rawValue), "code": .text(opd.code), "name": .text(opd.name),
                   "short_name": .text(opd.shortName)])
    }

    /// A bidang: id, code, name.
    public init(_ bidang: Bidang) {
        self.init(["id": .integer(bidang.id.rawValue), "code": .text(bidang.code), "name": .text(bidang.name)])
    }

    /// A kamus item: every field, the SSH unit price and the active flag included.
    public init(_ item: KamusItem) {
        self.init(["id": .integer(item.id.rawValue), "code": .text(item.code), "name": .text(item.name),
                   "bidang_id": .integer(item.bidangId.rawValue), "opd_id": .integer(item.opdId.rawValue),
                   "satuan": .text(item.unit), "unit_price": .integer(item.unitPrice), "is_fisik": .bool(item.isFisik),
                   "active": .bool(item.active)])
    }

    /// A scoring criterion: id, code, name, weight.
    public init(_ criterion: ScoringCriterion) {
        self.init(["id": .integer(criterion.id.rawValue), "code": .text(criterion.code), "name": .text(criterion.name),
                   "weight": .integer(Int64(criterion.weight))])
    }

    /// The shares of a level or an envelope, each as its group, bound and basis points.
    public init(_ shares: [GroupShare]) {
        self.init(["shares": .list(shares.map { share in
            .object(["group": .text(share.group.description), "bound": .text(share.bound.rawValue),
                     "basis_points": .integer(Int64(share.capBasisPoints))])
        })])
    }

    /// A level's ceiling settings: total, base share, weights by criterion, rounding unit.
    public init(_ settings: CeilingSettings) {
        var weights: [String: AdminValue] = [:]
        for criterion in CeilingCriterion.allCases { weights[criterion.rawValue] = .integer(Int64(settings.formula.weight(criterion))) }
        self.init(["total": .integer(settings.total), "base_share_bp": .integer(Int64(settings.formula.baseShareBasisPoints)),
                   "weights": .object(weights), "rounding_unit": .integer(settings.formula.roundingUnit)])
    }

    /// One kelurahan's criteria inputs.
    public init(_ input: CeilingInput) {
        var fields: [String: AdminValue] = ["kelurahan_id": .integer(input.areaId)]
        for criterion in CeilingCriterion.allCases { fields[criterion.rawValue] = .integer(input.value(criterion)) }
        self.init(fields)
    }

    /// An OPD's Musrenbang ceiling.
    public init(opdCeiling opdId: OPDID, amount: Int64) {
        self.init(["opd_id": .integer(opdId.rawValue), "amount": .integer(amount)])
    }

    /// Computed ceilings: amount by area id, per level.
    public init(ceilings: [Level: [Int64: Int64]]) {
        var fields: [String: AdminValue] = [:]
        for (level, amounts) in ceilings {
            var byArea: [String: AdminValue] = [:]
            for (area, amount) in amounts { byArea[String(area)] = .integer(amount) }
            fields[level.rawValue] = .object(byArea)
        }
        self.init(fields)
    }

    /// A cycle: years, name, cost tolerance and the window of each stage.
    public init(_ cycle: Cycle) {
        var windows: [String: AdminValue] = [:]
        for (stage, window) in cycle.windows {
            windows[stage.rawValue] = .object(["opens_at": .text(WIBTime.iso8601(window.opensAt)),
                                               "closes_at": .text(WIBTime.iso8601(window.closesAt))])
        }
        self.init(["id": .integer(cycle.id.rawValue), "kota_id": .integer(cycle.kotaId.rawValue),
                   "plan_year": .integer(Int64(cycle.planYear)), "budget_year": .integer(Int64(cycle.budgetYear)),
                   "name": .text(cycle.name), "cost_tolerance_bp": .integer(Int64(cycle.settings.costToleranceBasisPoints)),
                   "windows": .object(windows)])
    }

    /// An account without its password hash and without personal data (NIK, phone, e-mail, address): the
    /// log says that they are set, not what they are.
    public init(_ account: Account) {
        self.init(["id": .integer(account.id.rawValue), "username": .text(account.username),
                   "display_name": .text(account.displayName), "active": .bool(account.active),
                   "has_nik": .bool(account.nik != nil), "has_phone": .bool(account.phone != nil),
                   "has_email": .bool(account.email != nil),
                   "roles": .list(account.roles.map { .text($0.logText) })])
    }
}

extension RoleAssignment {
    /// "operator_kelurahan@kelurahan:3", "bappeda@kota": the role and its scope as one line of text.
    public var logText: String { "\(role.rawValue)@\(scope.text)" }
}
