/// What an admin-log entry changed. Raw values are the stored text (`admin_log.entity`, Migrations/0006).
public enum AdminEntity: String, CaseIterable, Hashable, Sendable {
    case kecamatan, kelurahan, rw, rt, opd, bidang
    case kamusUsulan = "kamus_usulan"
    case scoringCriteria = "scoring_criteria"
    case ceilingSettings = "ceiling_settings"
    case ceilingInputs = "ceiling_inputs"
    case opdCeilings = "opd_ceilings"
    /// A computation of the kelurahan and kecamatan ceilings of a cycle.
    case ceilings
    case cycle
    case account
    /// The group shares (minimums and maximums) of a level, or of one envelope.
    case groupShares = "group_shares"
}
