import Foundation
import Musrenbang
import Storage

/// `musrenbang outbox send|status`: delivers the notifications' e-mail messages through a sendmail-compatible
/// program, or counts the outbox by channel and status (docs/notifications.md).
enum OutboxCommand: Command {
    static let name = "outbox"
    static let summary = "send the notifications' pending e-mails through sendmail, or count the outbox"
    static let usage = """
        musrenbang outbox send [--db FILE] [--sendmail /usr/sbin/sendmail] [--limit N] [--from ADDRESS] [--base-url URL]
        musrenbang outbox status [--db FILE]
          --db FILE         database file (default: musrenbang.sqlite; env MUSRENBANG_DB)
          --sendmail PATH   a sendmail-compatible program, run as PATH -i -t with the message on standard input
                            (default: /usr/sbin/sendmail; env MUSRENBANG_SENDMAIL)
          --limit N         at most N messages this run (default: 100)
          --from ADDRESS    the From header (default: "e-Musrenbang <noreply@localhost>"; env MUSRENBANG_FROM)
          --base-url URL    the portal's address, put before each message's link (e.g. https://musrenbang.example.go.id)
        A message the program accepts (exit status 0) is marked sent; otherwise the failure is recorded and the message
        is tried again later (5, 10, 20, 40, 80 minutes), at most 6 times in all. Messages to phone numbers (channel sms)
        stay pending for an SMS or WhatsApp gateway. Run it from cron or a systemd timer, e.g. every minute.
        Exit status 1 when any message failed in this run.
        """

    static func run(_ options: Options) throws {
        guard let sub = options.positional.first, ["send", "status"].contains(sub) else {
            throw UsageError("expected 'send' or 'status'\n\(usage)")
        }
        let database = try DatabaseOptions.openExisting(options)
        if sub == "status" {
            try database.read { db in
                let rows = try db.query("SELECT channel, status, count(*) AS n FROM outbox GROUP BY channel, status ORDER BY channel, status")
                if rows.isEmpty { print("outbox kosong") }
                for row in rows {
                    print("\(try row.get("channel", as: String.self)) \(try row.get("status", as: String.self)): \(try row.get("n", as: Int64.self))")
                }
            }
            return
        }
        let limit = try options.int("limit", default: 100)
        guard limit > 0 else { throw UsageError("--limit must be at least 1") }
        let program = options.string("sendmail", default: "/usr/sbin/sendmail")
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw UsageError("\(program) is not an executable program (set --sendmail)")
        }
        let service = try MusrenbangService(database: database, hasher: PasswordHasher(cost: 1))
        let summary = try service.sendOutbox(transport: SendmailTransport(program: program),
                                             from: options.string("from", default: "e-Musrenbang <noreply@localhost>"),
                                             baseURL: options.string("base-url"), limit: limit) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        print("outbox: \(summary.sent) terkirim, \(summary.retrying) dicoba lagi nanti, \(summary.failed) gagal")
        if summary.retrying + summary.failed > 0 { exit(1) }
    }
}
