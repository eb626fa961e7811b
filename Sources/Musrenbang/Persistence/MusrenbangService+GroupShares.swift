import Foundation
import Storage

/// Group shares (minimum and maximum per group) by Bappeda, the pengarah's rule for how an envelope is split.
extension MusrenbangService {
    /// Replaces the shares of every envelope of `level` (`ownerId` nil) or of one envelope (its kelurahan, kecamatan
    /// or OPD id), in one logged transaction. Each share is 0-100%; a group has at most one minimum and one maximum;
    /// the minimums add up to at most 100%. After any berita acara of the cycle a change needs a reason.
    public func setGroupShares(cycleId: CycleID, level: Level, ownerId: Int64? = nil, shares: [GroupShare], reason: String? = nil,
                               by actor: Actor) throws -> [GroupShare] {
        try administer(.bappeda, "atur porsi kelompok", by: actor) { change in
            guard level != .kota else {
                throw DomainError.invalidInput(field: "tingkat", detail: "porsi kelompok hanya untuk kelurahan, kecamatan atau perangkat daerah")
            }
            var errors: [FieldError] = []
            var seen = Set<String>()
            let bidangIds = Set(try CatalogRepository(change.db).bidangList().map(\.id))
            for share in shares {
                let label = "\(share.group.label) \(share.bound == .minimum ? "minimal" : "maksimal")"
                if !(0...10_000).contains(share.capBasisPoints) {
                    errors.append(FieldError(field: "porsi", message: "Isi \(label) antara 0% dan 100%."))
                }
                if !seen.insert("\(share.group) \(share.bound.rawValue)").inserted {
                    errors.append(FieldError(field: "porsi", message: "\(label) diisi lebih dari sekali."))
                }
                if case .bidang(let id) = share.group, !bidangIds.contains(id) {
                    errors.append(FieldError(field: "porsi", message: "Bidang \(id) tidak terdaftar."))
                }
            }
            if shares.filter({ $0.bound == .minimum }).reduce(0, { $0 + $1.capBasisPoints }) > 10_000 {
                errors.append(FieldError(field: "porsi", message: "Jumlah semua porsi minimal tidak boleh lebih dari 100%."))
            }
            if !errors.isEmpty { throw DomainError.invalidFields(errors) }
            let cycles = CycleRepository(change.db)
            _ = try cycles.cycle(id: cycleId)
            if let ownerId, let envelope = FundingEnvelope(level: level, ownerId: ownerId),
               try LockRepository(change.db).keys(cycleId: cycleId).contains(envelope.lockKey) {
                throw DomainError.levelLocked(envelope.lockKey)
            }
            let note = try change.reasonAfterLock(cycleId: cycleId, reason: reason, action: "ubah porsi kelompok")
            let before = try cycles.groupShares(cycleId: cycleId, level: level, ownerId: ownerId)
            guard before != shares else { throw DomainError.changeRequired }
            try cycles.replaceGroupShares(cycleId: cycleId, level: level, ownerId: ownerId, shares: shares)
            try change.log(.groupShares, key: "\(level.rawValue):\(ownerId.map(String.init) ?? "semua")", .update,
                           before: AdminSnapshot(before), after: AdminSnapshot(shares), reason: note, cycleId: cycleId)
            return shares
        }
    }
}
