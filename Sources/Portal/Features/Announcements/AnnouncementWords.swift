import Foundation
import Musrenbang

/// How an announcement reads on a page: a meeting's day and times in WIB, the body's paragraphs (escaped text, never
/// markup), the badge of its status, its documents with their downloads.
enum AnnouncementWords {
    static let weekdays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]

    /// "Selasa, 12 Januari 2027, 09.00–12.00 WIB".
    static func when(_ meeting: Meeting) -> String {
        let start = WIBTime.fields(meeting.startsAt, offset: WIBTime.offsetSeconds)
        let end = WIBTime.fields(meeting.endsAt, offset: WIBTime.offsetSeconds)
        let sameDay = (start.year, start.month, start.day) == (end.year, end.month, end.day)
        let endText = sameDay ? time(end) : "\(WIBTime.formatDate(meeting.endsAt)) \(time(end))"
        return "\(weekday(meeting.startsAt)), \(WIBTime.formatDate(meeting.startsAt)), \(time(start))–\(endText) WIB"
    }

    /// The day of the week of `date` in WIB.
    static func weekday(_ date: Date) -> String {
        let days = Int((Int64(date.timeIntervalSince1970.rounded(.down)) + WIBTime.offsetSeconds).quotientFloor(86_400))
        return weekdays[((days + 4) % 7 + 7) % 7]   // 1 January 1970 was a Thursday
    }

    private static func time(_ f: WIBTime.Fields) -> String { "\(AreaWords.pad(f.hour)).\(AreaWords.pad(f.minute))" }

    /// The body as paragraphs (a blank line starts one, a line end is a `<br>`), every character escaped.
    static func body(_ text: String) -> HTML {
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return HTML.join(paragraphs.map { paragraph -> HTML in
            "<p>\(HTML.join(paragraph.components(separatedBy: "\n").map { HTML.text($0) }, separator: "<br>"))</p>"
        })
    }

    static func badge(_ status: AnnouncementStatus) -> HTML {
        let tone = switch status {
        case .draft: "waiting"
        case .published: "good"
        case .withdrawn: "ended"
        }
        return "<span class=\"badge \(tone)\">\(status.displayName)</span>"
    }

    /// A meeting's facts as a definition list: level, when, where, invited.
    static func meetingFacts(_ meeting: Meeting) -> HTML {
        """
        <dl class="facts">
        <dt>Tingkat</dt><dd>\(meeting.stage.displayName)</dd>
        <dt>Waktu</dt><dd>\(when(meeting))</dd>
        <dt>Tempat</dt><dd>\(meeting.place)</dd>
        <dt>Diundang</dt><dd>\(meeting.invited)</dd>
        </dl>
        """
    }

    /// The documents as a list of downloads: title, kind and size.
    static func documents(_ documents: [AnnouncementDocument]) -> HTML {
        guard !documents.isEmpty else { return .empty }
        let items = documents.map { document -> HTML in
            """
            <li><a href="\(AnnouncementPaths.document(document))" download>\(document.title)</a> \
            <span class="muted">(\(document.fileExtension.uppercased()), \(MeetingDocumentsView.sizeText(document.byteCount)))</span></li>
            """
        }
        return "<ul class=\"documents\">\(items)</ul>"
    }
}

private extension Int64 {
    func quotientFloor(_ divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
