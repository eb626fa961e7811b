import Foundation
import Storage

/// Turns a proposal's event into a notification for its proposer's account, in the transaction that appends the
/// event (`EventRepository.append`). Told: every change of stage or status and every Bappeda correction, made by
/// someone other than the proposer (a resident is not told of their own submission or edit). Never anyone else:
/// the account is the proposal's `proposer_account_id`, read from the row.
struct ProposalNotifier {
    let db: Connection

    /// Whether `event` is worth telling the proposer about at all (no read needed to decide against it).
    static func tells(_ event: ProposalEvent) -> Bool {
        event.from != event.to || event.action == .koreksi
    }

    func record(_ event: ProposalEvent) throws {
        guard Self.tells(event) else { return }
        guard let row = try db.queryOne("""
            SELECT p.proposer_account_id, p.tracking_code, p.title, a.email, a.phone, a.active
            FROM proposals p JOIN accounts a ON a.id = p.proposer_account_id WHERE p.id = ?
            """, [event.proposalId.rawValue]) else { return }
        let proposer = AccountID(try row.get("proposer_account_id", as: Int64.self))
        guard proposer != event.actorAccountId, try row.get("active", as: Int64.self) == 1 else { return }
        let code: String = try row.get("tracking_code")
        let title: String = try row.get("title")
        let words = Self.words(event, code: code, title: title)
        try NotificationWriter(db).notify(account: proposer, email: try row.get("email"), phone: try row.get("phone"),
                                          kind: .proposal, subject: words.subject, body: words.body,
                                          link: "/usulan/saya/\(code)", at: event.at)
    }

    /// The event in words: "Usulan TGS-2027-000001 ditolak" and a body with the title, the new state and the reason.
    static func words(_ event: ProposalEvent, code: String, title: String) -> (subject: String, body: String) {
        let what = happened(event)
        var body = "Usulan Anda \"\(title)\" (\(code)) \(what).\n"
        body += "Keadaan sekarang: \(event.to.displayName).\n"
        if let note = event.note, !note.isEmpty { body += "Alasan atau catatan: \(note)\n" }
        body += "Waktu: \(WIBTime.format(event.at))."
        return ("Usulan \(code) \(what)", body)
    }

    /// What happened, as a passive phrase after "Usulan ...".
    static func happened(_ event: ProposalEvent) -> String {
        switch event.action {
        case .buat: "dibuat"
        case .ubah: "diubah oleh \(event.actorRole.displayName)"
        case .ajukan: "diajukan oleh \(event.actorRole.displayName)"
        case .setujui: "disetujui \(event.actorRole.displayName)"
        case .kembalikan: "dikembalikan untuk diperbaiki"
        case .terima: "diterima di \(event.to.stage.displayName)"
        case .terimaDenganPerubahan: "diterima dengan perubahan di \(event.to.stage.displayName)"
        case .tolak: "ditolak di \(event.to.stage.displayName)"
        case .alokasiF1: "didanai pagu \(event.to.stage.displayName)"
        case .alokasiF2: event.to.stage == event.from.stage ? "tidak mendapat pagu \(event.from.stage.displayName)"
                                                             : "tidak masuk pagu \(event.from.stage.displayName) dan diteruskan"
        case .rutekanOPD: "diteruskan ke perangkat daerah"
        case .rutekanPokir: "dialihkan ke Pokir DPRD"
        case .ubahPeringkat: "dipindahkan peringkatnya"
        case .tetapkan: "ditetapkan dalam RKPD"
        case .tidakTetapkan: "tidak ditetapkan dalam RKPD"
        case .koreksi: "dikoreksi Bappeda"
        case .bawaKeSiklusBerikut: "dibawa ke siklus berikutnya"
        }
    }
}
