import Foundation
import Musrenbang
import Storage

/// Where a meeting stands now, read once per page: the current cycle, the unit's name, whether its berita acara is
/// signed and whether its stage is open. The pages offer their forms only while the meeting can act; the engine decides
/// all the same.
struct MeetingSituation {
    let desk: MeetingDesk
    let cycle: Cycle
    let unitName: String
    let locked: Bool
    let open: Bool

    /// The situation of `desk` in the current cycle; nil when no cycle exists yet.
    init?(_ desk: MeetingDesk, service: MusrenbangService, now: Date) throws {
        guard let cycle = try service.currentCycle() else { return nil }
        self.desk = desk
        self.cycle = cycle
        unitName = try desk.unitName(service.database)
        locked = try service.database.read { db in try LockRepository(db).keys(cycleId: cycle.id).contains(desk.lockKey) }
        open = cycle.isOpen(desk.level.stage, at: now)
    }

    /// "Musrenbang Kelurahan Pondok Karya", "Musrenbang Kecamatan Ciputat Timur", "Forum Perangkat Daerah DPUPR".
    var meetingTitle: String { desk.level == .opd ? "Forum " + unitName : "Musrenbang " + unitName }

    /// Scores, order and allocation may change: the stage is open and the berita acara not signed.
    var canAct: Bool { open && !locked }

    /// Why nothing can change now, with what to do (empty while the meeting can act).
    var closedNotice: HTML {
        if locked {
            return """
                <div class="notice" role="status"><h2>Berita acara sudah ditandatangani</h2>
                <p>Hasil \(meetingTitle) sudah dikunci. Perubahan hanya dapat dilakukan oleh Bappeda dan dicatat.</p>
                <p><a href="\(MeetingPaths.beritaAcara)">Lihat berita acara</a></p></div>
                """
        }
        if !open {
            let schedule = cycle.windows[desk.level.stage].map { "Jadwal: \($0.scheduleText)." } ?? "Jadwalnya belum ditetapkan."
            return """
                <div class="notice" role="status"><h2>\(meetingTitle) tidak sedang berlangsung</h2>
                <p>\(schedule) Di luar jadwal, nilai, urutan dan alokasi dapat dilihat tetapi tidak diubah. Hanya Bappeda yang dapat memperpanjang jadwal.</p></div>
                """
        }
        return .empty
    }
}
