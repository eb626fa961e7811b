import Foundation
import Musrenbang

/// What a resident may do with their proposal now: edit and (re)submit a draft or a returned one, or carry an
/// unfunded one of a finished cycle into the current cycle while its pra-Musrenbang is open (not twice).
struct ResidentActions {
    /// Draft or returned: the edit form (another feature) is open to it.
    let canEdit: Bool
    /// Returned: it may be submitted again as it is, or after an edit.
    let canResubmit: Bool
    /// The cycle it may be carried into, when allowed now.
    let carryInto: Cycle?
    /// The note of an earlier carry-over ("Dibawa ke siklus ... sebagai ..."), when it was carried already.
    let carriedNote: String?
    /// The latest reason it was returned with, while returned.
    let returnReason: String?
    /// Draft or returned while its stage is not open: when it is, in words, and what that means.
    let closedStage: String?

    init(_ full: FullProposal, cycle: Cycle, current: Cycle?, now: Date) {
        let state = full.proposal.state
        let events = full.named.events
        let editable = state.status == .draft || state.status == .dikembalikan
        let open = cycle.isOpen(state.stage, at: now)
        canEdit = editable && open
        canResubmit = state.status == .dikembalikan && open
        closedStage = editable && !open ? Self.closed(state.stage, window: cycle.windows[state.stage], now: now) : nil
        returnReason = state.status == .dikembalikan ? events.last { $0.action == .kembalikan }?.note : nil
        let carried = events.last { $0.action == .bawaKeSiklusBerikut }
        carriedNote = carried.map { $0.note ?? "Sudah dibawa ke siklus berikutnya" }
        if state.isCarryOverEligible, carried == nil, let current, current.id != cycle.id, current.budgetYear > cycle.budgetYear,
           current.isOpen(.praMusrenbang, at: now) {
            carryInto = current
        } else {
            carryInto = nil
        }
    }

    /// "Tahap Pra-Musrenbang RT/RW sudah ditutup (jadwal: ...). ..." for a stage that is not open now.
    static func closed(_ stage: Stage, window: StageWindow?, now: Date) -> String {
        guard let window else { return "Jadwal \(stage.displayName) belum ditetapkan; usulan ini belum dapat diubah atau diajukan." }
        if now < window.opensAt {
            return "Tahap \(stage.displayName) belum dibuka (jadwal: \(window.scheduleText)). Anda dapat mengubah dan mengajukan usulan ini setelah tahap itu dibuka."
        }
        return "Tahap \(stage.displayName) sudah ditutup (jadwal: \(window.scheduleText)): usulan ini tidak dapat diubah atau diajukan lagi pada siklus ini. "
            + "Bila ada keperluan mendesak, hubungi operator kelurahan Anda."
    }
}
