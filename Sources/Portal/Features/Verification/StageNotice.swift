import Foundation
import Musrenbang

/// When a verifier's stage is not open: its schedule, and what that means (wait for it, or it is over and only
/// Bappeda extends a window). The engine refuses the decisions anyway; this says so before anyone tries.
enum StageNotice {
    static func render(_ stage: Stage, cycle: Cycle, now: Date) -> HTML {
        guard !cycle.isOpen(stage, at: now) else { return .empty }
        let window = cycle.windows[stage]
        let when = window.map { "Jadwalnya \($0.scheduleText)." } ?? "Jadwalnya belum ditetapkan."
        let next = window.map { now < $0.opensAt } == true
            ? "Usulan dapat diverifikasi setelah tahap ini dibuka."
            : "Tahap ini sudah ditutup; keputusan tidak dapat diberikan lagi. Hanya Bappeda yang dapat memperpanjang jadwal."
        return """
            <div class="notice" role="status"><p><strong>Tahap \(stage.displayName) sedang tidak berlangsung.</strong> \(when)</p><p>\(next)</p></div>
            """
    }
}
