import Foundation
import Musrenbang

/// Meetings as an iCalendar object (RFC 5545): VCALENDAR with VERSION, PRODID, CALSCALE and METHOD:PUBLISH, one VEVENT
/// per meeting with UID (the announcement's stored UUID, stable across edits), DTSTAMP, DTSTART and DTEND in UTC,
/// SEQUENCE (its changes while published), CREATED, LAST-MODIFIED, SUMMARY, LOCATION, DESCRIPTION and CATEGORIES.
/// TEXT values escape `\ ; ,` and line ends; every line ends in CRLF and is folded at 75 octets, never inside a
/// UTF-8 character.
enum ICalendar {
    static let productId = "-//e-Musrenbang//Jadwal Musrenbang//ID"

    static func render(name: String, meetings: [Announcement], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productId)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "NAME:\(text(name))", "X-WR-CALNAME:\(text(name))", "X-WR-TIMEZONE:Asia/Jakarta", "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        ]
        for announcement in meetings {
            guard let meeting = announcement.meeting else { continue }
            var description = "\(meeting.stage.displayName), \(announcement.areaName).\nDiundang: \(meeting.invited)"
            if !announcement.body.isEmpty { description += "\n\n" + announcement.body }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(announcement.uuid)",
                "DTSTAMP:\(dateTime(stamp))",
                "DTSTART:\(dateTime(meeting.startsAt))",
                "DTEND:\(dateTime(meeting.endsAt))",
                "SEQUENCE:\(announcement.revision)",
                "CREATED:\(dateTime(announcement.createdAt))",
                "LAST-MODIFIED:\(dateTime(announcement.updatedAt))",
                "SUMMARY:\(text(announcement.title))",
                "LOCATION:\(text(meeting.place))",
                "DESCRIPTION:\(text(description))",
                "CATEGORIES:\(text(meeting.stage.displayName))",
                "STATUS:CONFIRMED",
                "TRANSP:OPAQUE",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// A UTC DATE-TIME: "20270112T020000Z".
    static func dateTime(_ date: Date) -> String {
        WIBTime.iso8601(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// A TEXT value: backslash, semicolon and comma escaped, a line end as `\n`, other control characters (but TAB)
    /// dropped (RFC 5545 section 3.3.11).
    static func text(_ value: String) -> String {
        var output = ""
        let normalized = value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for scalar in normalized.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\n": output += "\\n"
            case "\t": output += "\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// One content line with its CRLF, folded (RFC 5545 section 3.1): at most 75 octets per line, a continuation
    /// starting with one space, a break only between whole UTF-8 characters.
    static func fold(_ line: String) -> String {
        var output: [UInt8] = []
        var lineLength = 0
        for scalar in line.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if lineLength + bytes.count > 75 {
                output += [0x0D, 0x0A, 0x20]
                lineLength = 1
            }
            output += bytes
            lineLength += bytes.count
        }
        output += [0x0D, 0x0A]
        return String(decoding: output, as: UTF8.self)
    }
}
