import Foundation

/// An outbox message as an RFC 5322 e-mail for a sendmail-compatible program (`sendmail -i -t` reads the
/// recipients from the header): From, To, Subject (RFC 2047 encoded-words when not plain ASCII), Date, Message-ID,
/// MIME-Version and `Content-Type: text/plain; charset=utf-8` with an 8bit body, CRLF line ends.
public struct EmailMessage: Hashable, Sendable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    public var date: Date
    public var messageId: String

    public init(from: String, to: String, subject: String, body: String, date: Date, messageId: String) {
        self.from = from; self.to = to; self.subject = subject; self.body = body; self.date = date; self.messageId = messageId
    }

    /// The message for outbox row `message`: its body, then the full address of its link under `baseURL` (when
    /// given), then the portal's signature.
    public static func outbox(_ message: OutboxMessage, from: String, baseURL: String?, at now: Date, domain: String) -> EmailMessage {
        var body = message.body
        let base = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        body += "\n\nLihat di portal e-Musrenbang: \(base ?? "")\(message.link)\n"
        body += "\n-- \nPesan ini dikirim otomatis oleh e-Musrenbang; jangan dibalas.\n"
        return EmailMessage(from: from, to: message.recipient, subject: message.subject, body: body, date: now,
                            messageId: "<outbox-\(message.id)-\(message.attempts)@\(domain)>")
    }

    /// The whole message as bytes (header, empty line, body), every line ended by CRLF.
    public var rendered: String {
        var lines: [String] = []
        lines.append("From: \(Self.headerValue(from))")
        lines.append("To: \(Self.headerValue(to))")
        lines.append("Subject: \(Self.encodedWord(subject))")
        lines.append("Date: \(Self.rfc5322Date(date))")
        lines.append("Message-ID: \(Self.headerValue(messageId))")
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: 8bit")
        lines.append("")
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        lines += normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.joined(separator: "\r\n") + (normalized.hasSuffix("\n") ? "" : "\r\n")
    }

    /// A header value on one line (no CR or LF can start another header).
    static func headerValue(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : Character($0) })
    }

    /// `text` as it is when printable ASCII, else RFC 2047 encoded-words (`=?utf-8?B?...?=`), each at most 75
    /// characters, split between whole characters and folded onto continuation lines.
    public static func encodedWord(_ text: String) -> String {
        let line = headerValue(text)
        if line.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && line.count <= 900 { return line }
        // 45 bytes of UTF-8 give 60 characters of base64: "=?utf-8?B?" + 60 + "?=" = 72.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in line {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?utf-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?utf-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// "Wed, 02 Dec 2026 03:00:00 +0000".
    static func rfc5322Date(_ date: Date) -> String {
        let f = WIBTime.fields(date, offset: 0)
        let days = WIBTime.daysFromCivil(year: f.year, month: f.month, day: f.day)
        // 1970-01-01 was a Thursday.
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][f.month - 1]
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(weekday), \(two(f.day)) \(month) \(f.year) \(two(f.hour)):\(two(f.minute)):\(two(f.second)) +0000"
    }
}
