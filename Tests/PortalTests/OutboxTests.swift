import Foundation
import Musrenbang
@testable import Portal
import Storage
import Testing
import TestSupport

/// The outbox (docs/notifications.md): `musrenbang outbox send` hands each due e-mail message to a sendmail-compatible
/// program as an RFC 5322 message on its standard input, marks it sent on exit status 0, records the failure and
/// retries later (with a growing delay, a bounded number of times) otherwise; messages to a phone number stay pending.
/// The programs are real shell scripts written into a temporary folder.
@Suite("The outbox and musrenbang outbox send")
struct OutboxTests {
    /// A folder with `ok.sh` (saves its standard input to `mail-N.eml` and exits 0) and `fail.sh` (complains on standard
    /// error and exits 1).
    struct FakeSendmail {
        let directory: String
        var ok: String { directory + "/ok.sh" }
        var fail: String { directory + "/fail.sh" }

        init() throws {
            directory = NSTemporaryDirectory() + "fake-sendmail-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Self.script(directory + "/ok.sh", """
                #!/bin/sh
                # The arguments must be those of sendmail -i -t.
                [ "$1" = "-i" ] && [ "$2" = "-t" ] || exit 64
                n=$(ls "\(directory)" | grep -c '^mail-')
                cat > "\(directory)/mail-$n.eml"
                exit 0
                """)
            try Self.script(directory + "/fail.sh", """
                #!/bin/sh
                echo "relay ditolak untuk \(ResidentScene.aniEmail): coba lagi" >&2
                exit 1
                """)
        }

        private static func script(_ path: String, _ text: String) throws {
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }

        /// The messages `ok.sh` received, in order.
        func messages() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("mail-") }
                .sorted { Int($0.dropFirst(5).dropLast(4)) ?? 0 < Int($1.dropFirst(5).dropLast(4)) ?? 0 }
                .map { String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0)), as: UTF8.self) }
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    static func row(_ world: PortalWorld, _ id: Int64) throws -> (status: String, attempts: Int64, error: String?, next: String) {
        try world.database.read { db in
            let row = try #require(try db.queryOne("SELECT status, attempts, last_error, next_attempt_at FROM outbox WHERE id = ?", [id]))
            return (try row.get("status"), try row.get("attempts"), try row.get("last_error"), try row.get("next_attempt_at"))
        }
    }

    /// Ani (e-mail) and a resident with only a phone number, each notified once.
    static func notified(_ world: PortalWorld, _ scene: ResidentScene) throws -> (email: Int64, sms: Int64) {
        let phoneOnly = try world.service.createAccount(username: "warga.hp", displayName: "Warga HP",
                                                        roles: [try RoleAssignment(role: .warga, scope: .selfOnly)],
                                                        password: world.password, phone: "+6281300000009")
        try world.service.notify(account: scene.ani.accountId, kind: .proposal, subject: "Usulan TGS-2027-000001 diterima — selamat",
                                 body: "Usulan Anda \"Jalan Gang Mawar\" diterima.\nKeadaan sekarang: Musrenbang kelurahan - Diterima.",
                                 link: "/usulan/saya/TGS-2027-000001")
        try world.service.notify(account: phoneOnly, kind: .proposal, subject: "Usulan TGS-2027-000002 ditolak", body: "Ditolak.",
                                 link: "/usulan/saya/TGS-2027-000002")
        return try world.database.read { db in
            (try #require(try db.scalar("SELECT id FROM outbox WHERE channel = 'email'", as: Int64.self)),
             try #require(try db.scalar("SELECT id FROM outbox WHERE channel = 'sms'", as: Int64.self)))
        }
    }

    @Test func aFailureIsRetriedLaterThenTheMessageIsSentAsRFC5322() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let fake = try FakeSendmail()
        defer { fake.remove() }
        let (email, sms) = try Self.notified(world, scene)
        let service = world.service
        let from = "e-Musrenbang <noreply@musrenbang.contoh.go.id>"

        // The program refuses: the attempt and its error are recorded, the message waits 5 minutes.
        let failed = try service.sendOutbox(transport: SendmailTransport(program: fake.fail), from: from, baseURL: nil, limit: 10)
        #expect(failed.retrying == 1 && failed.sent == 0 && failed.failed == 0)
        var row = try Self.row(world, email)
        #expect(row.status == "pending" && row.attempts == 1 && (row.error ?? "").contains("relay ditolak"))
        #expect(row.next == WIBTime.iso8601(world.clock.now.addingTimeInterval(300)))
        // Not due yet: nothing is handed over.
        let early = try service.sendOutbox(transport: SendmailTransport(program: fake.ok), from: from, baseURL: nil, limit: 10)
        #expect(early == OutboxRunSummary())
        #expect(try fake.messages().isEmpty)

        world.clock.advance(301)
        let sent = try service.sendOutbox(transport: SendmailTransport(program: fake.ok), from: from,
                                          baseURL: "https://musrenbang.contoh.go.id/", limit: 10)
        #expect(sent.sent == 1 && sent.retrying == 0)
        row = try Self.row(world, email)
        #expect(row.status == "sent" && row.attempts == 2)
        let messages = try fake.messages()
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        let (head, body) = try #require(Self.split(message))
        #expect(head.contains("From: e-Musrenbang <noreply@musrenbang.contoh.go.id>\r\n"))
        #expect(head.contains("To: \(ResidentScene.aniEmail)\r\n"))
        #expect(head.contains("Content-Type: text/plain; charset=utf-8\r\n") && head.contains("MIME-Version: 1.0\r\n"))
        #expect(head.contains("Message-ID: <outbox-\(email)-2@musrenbang.contoh.go.id>\r\n"))
        #expect(head.range(of: #"Date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000\r\n"#, options: .regularExpression) != nil)
        // The subject is not ASCII (an em dash): RFC 2047 encoded-words that decode to it.
        #expect(Self.decodedSubject(head) == "Usulan TGS-2027-000001 diterima — selamat")
        #expect(!head.contains("—"))
        #expect(body.contains("Usulan Anda \"Jalan Gang Mawar\" diterima.\r\nKeadaan sekarang:"))
        #expect(body.contains("https://musrenbang.contoh.go.id/usulan/saya/TGS-2027-000001"))
        // The SMS message is left for a gateway, untouched.
        let smsRow = try Self.row(world, sms)
        #expect(smsRow.status == "pending" && smsRow.attempts == 0)
        // Nothing is sent twice.
        world.clock.advance(3600)
        #expect(try service.sendOutbox(transport: SendmailTransport(program: fake.ok), from: from, baseURL: nil, limit: 10) == OutboxRunSummary())
        #expect(try fake.messages().count == 1)
    }

    @Test func afterTheLastAttemptTheMessageIsFailedWithGrowingDelays() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let fake = try FakeSendmail()
        defer { fake.remove() }
        let (email, _) = try Self.notified(world, scene)
        let policy = OutboxPolicy(maxAttempts: 3, baseDelay: 60)
        var delays: [TimeInterval] = []
        for attempt in 1...3 {
            let start = world.clock.now
            let summary = try world.service.sendOutbox(transport: SendmailTransport(program: fake.fail), from: "a@b.c", baseURL: nil,
                                                       limit: 5, policy: policy)
            let row = try Self.row(world, email)
            #expect(row.attempts == Int64(attempt))
            if attempt < 3 {
                #expect(summary.retrying == 1 && row.status == "pending")
                delays.append(try #require(WIBTime.parseISO8601(row.next)).timeIntervalSince(start))
                world.clock.set(try #require(WIBTime.parseISO8601(row.next)))
            } else {
                #expect(summary.failed == 1 && row.status == "failed")
            }
        }
        #expect(delays == [60, 120])
        world.clock.advance(86_400)
        #expect(try world.service.sendOutbox(transport: SendmailTransport(program: fake.ok), from: "a@b.c", baseURL: nil, limit: 5,
                                             policy: policy) == OutboxRunSummary())
    }

    @Test func twoSendersNeverClaimTheSameMessageAndAnExpiredClaimIsTakenOver() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let (email, sms) = try Self.notified(world, scene)
        let service = world.service
        #expect(try service.claimOutbox(channel: .email, limit: 10, worker: "a").map(\.id) == [email])
        #expect(try service.claimOutbox(channel: .email, limit: 10, worker: "b").isEmpty)
        // A gateway claims the SMS rows the same way.
        let claimed = try service.claimOutbox(channel: .sms, limit: 10, worker: "gateway")
        #expect(claimed.map(\.id) == [sms] && claimed.first?.recipient == "+6281300000009")
        // Sender a died: after its claim ran out, b takes the message over and a can no longer mark it.
        world.clock.advance(601)
        #expect(try service.claimOutbox(channel: .email, limit: 10, worker: "b").map(\.id) == [email])
        #expect(try service.markOutboxSent(email, worker: "a") == false)
        #expect(try service.markOutboxSent(email, worker: "b") == true)
        #expect(try Self.row(world, email).status == "sent")
        #expect(try service.markOutboxSent(sms, worker: "gateway"))
    }

    @Test func theCommandSendsThroughTheProgramAndSaysWhatItDid() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let fake = try FakeSendmail()
        defer { fake.remove() }
        let (email, _) = try Self.notified(world, scene)
        let db = world.directory + "/portal.sqlite"
        // The command reads the real clock, this world's is its own: make every message due now.
        try world.database.write { db in try db.execute("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z'") }
        let refused = try BuiltBinary.run(["outbox", "send", "--db", db, "--sendmail", fake.fail, "--limit", "5"])
        #expect(refused.status == 1 && refused.output.contains("0 terkirim, 1 dicoba lagi nanti, 0 gagal"))
        #expect(refused.output.contains("relay ditolak untuk [penerima]") && !refused.output.contains(ResidentScene.aniEmail))
        // Due again only later: the command uses the real clock, so move the row's time back.
        try world.database.write { db in try db.execute("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00Z' WHERE id = ?", [email]) }
        let sent = try BuiltBinary.run(["outbox", "send", "--db", db, "--sendmail", fake.ok, "--limit", "5"])
        #expect(sent.status == 0 && sent.output.contains("1 terkirim, 0 dicoba lagi nanti, 0 gagal"))
        #expect(try fake.messages().count == 1 && (try fake.messages().first ?? "").contains("To: \(ResidentScene.aniEmail)"))
        let status = try BuiltBinary.run(["outbox", "status", "--db", db])
        #expect(status.status == 0 && status.output.contains("email sent: 1") && status.output.contains("sms pending: 1"))
        let missing = try BuiltBinary.run(["outbox", "send", "--db", db, "--sendmail", fake.directory + "/tidak-ada"])
        #expect(missing.status == 2 && missing.output.contains("not an executable program"))
    }

    @Test func anAddressThatIsNotOneEmailFallsBackToThePhone() throws {
        let world = try PortalWorld()
        let account = try world.service.createAccount(username: "warga.dua", displayName: "Warga Dua",
                                                      roles: [try RoleAssignment(role: .warga, scope: .selfOnly)], password: world.password,
                                                      phone: "+6281300000010", email: "a@contoh.id, korban@contoh.id")
        try world.service.notify(account: account, kind: .proposal, subject: "Uji", body: "Uji.", link: "/usulan/saya")
        let row = try world.database.read { db in try db.queryOne("SELECT channel, recipient FROM outbox") }
        #expect(try row?.get("channel", as: String.self) == "sms" && (try row?.get("recipient", as: String.self)) == "+6281300000010")
    }

    @Test func subjectsAreEncodedOnlyWhenNeededAndHeadersStayOneLine() {
        #expect(EmailMessage.encodedWord("Usulan diterima") == "Usulan diterima")
        let long = String(repeating: "é", count: 60)
        let encoded = EmailMessage.encodedWord(long)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1 && words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?utf-8?B?") && $0.hasSuffix("?=") })
        #expect(Self.decodedSubject("Subject: \(encoded)\r\n") == long)
        let message = EmailMessage(from: "a@b.c", to: "x@y.z\r\nBcc: korban@contoh.id", subject: "Hai\r\nBcc: lain@contoh.id",
                                   body: "baris", date: Date(timeIntervalSince1970: 0), messageId: "<1@b.c>")
        #expect(!message.rendered.contains("\r\nBcc:"))
        #expect(message.rendered.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
    }

    /// Header and body of a message (split at the first empty line).
    static func split(_ message: String) -> (String, String)? {
        guard let range = message.range(of: "\r\n\r\n") else { return nil }
        return (String(message[..<range.upperBound]), String(message[range.upperBound...]))
    }

    /// The Subject header unfolded and its encoded-words decoded.
    static func decodedSubject(_ head: String) -> String? {
        guard let start = head.range(of: "Subject: ") else { return nil }
        var value = ""
        for (index, line) in head[start.upperBound...].components(separatedBy: "\r\n").enumerated() {
            if index > 0 && !line.hasPrefix(" ") { break }
            value += line.trimmingCharacters(in: .whitespaces)
        }
        guard value.hasPrefix("=?") else { return value }
        var bytes: [UInt8] = []
        for word in value.components(separatedBy: "?==?") {
            let trimmed = word.replacingOccurrences(of: "=?utf-8?B?", with: "").replacingOccurrences(of: "?=", with: "")
                .replacingOccurrences(of: "utf-8?B?", with: "")
            guard let data = Data(base64Encoded: trimmed) else { return nil }
            bytes += data
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
