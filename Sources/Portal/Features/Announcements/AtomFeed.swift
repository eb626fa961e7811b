import Foundation
import Musrenbang
import Storage

/// The announcements as an Atom feed (RFC 4287): the feed's id, title, updated, author, self and alternate links;
/// each entry's id (`urn:uuid:` of the announcement's stored UUID, stable across edits), title, updated, published,
/// author (its area), category (its kind), alternate link, its documents as enclosures, summary and content as text.
/// Links are relative references, resolved against the feed's own address (RFC 4287 section 2, xml:base absent).
enum AtomFeed {
    struct Feed {
        /// Any text: the feed's id is a name-based UUID of it (the same filter of the same city: the same id).
        let idName: String
        let title: String
        let subtitle: String
        let author: String
        let selfPath: String
        let alternatePath: String
        let updated: Date
        let entries: [Announcement]
    }

    static func render(_ feed: Feed) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
            <id>urn:uuid:\(nameBasedUUID(feed.idName))</id>
            <title type="text">\(escape(feed.title))</title>
            <subtitle type="text">\(escape(feed.subtitle))</subtitle>
            <updated>\(WIBTime.iso8601(feed.updated))</updated>
            <author><name>\(escape(feed.author))</name></author>
            <link rel="self" type="application/atom+xml" href="\(escape(feed.selfPath))"/>
            <link rel="alternate" type="text/html" href="\(escape(feed.alternatePath))"/>
            <generator>e-Musrenbang</generator>

            """
        for entry in feed.entries { xml += self.entry(entry) }
        xml += "</feed>\n"
        return xml
    }

    private static func entry(_ announcement: Announcement) -> String {
        let enclosures = announcement.documents.map { document in
            "<link rel=\"enclosure\" type=\"\(escape(document.mediaType))\" length=\"\(document.byteCount)\" "
                + "title=\"\(escape(document.title))\" href=\"\(escape(AnnouncementPaths.document(document)))\"/>\n"
        }.joined()
        let summary = announcement.meeting.map { "\(AnnouncementWords.when($0)), \($0.place). " } ?? ""
        return """
            <entry>
            <id>urn:uuid:\(escape(announcement.uuid))</id>
            <title type="text">\(escape(announcement.title))</title>
            <updated>\(WIBTime.iso8601(announcement.updatedAt))</updated>
            <published>\(WIBTime.iso8601(announcement.publishedAt ?? announcement.updatedAt))</published>
            <author><name>\(escape(announcement.areaName))</name></author>
            <category term="\(announcement.kind.rawValue)" label="\(escape(announcement.kind.displayName))"/>
            <link rel="alternate" type="text/html" href="\(AnnouncementPaths.announcement(announcement.id))"/>
            \(enclosures)<summary type="text">\(escape(summary + announcement.summary()))</summary>
            <content type="text">\(escape(content(announcement)))</content>
            </entry>

            """
    }

    /// The whole announcement as text: a meeting's facts first, then the body.
    static func content(_ announcement: Announcement) -> String {
        guard let meeting = announcement.meeting else { return announcement.body }
        let facts = "\(meeting.stage.displayName)\nWaktu: \(AnnouncementWords.when(meeting))\nTempat: \(meeting.place)\nDiundang: \(meeting.invited)"
        return announcement.body.isEmpty ? facts : facts + "\n\n" + announcement.body
    }

    /// Text for XML content and attribute values: `& < > " '` escaped, characters XML 1.0 does not allow dropped.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A name-based UUID (version 8, from SHA-256 of `name`, as RFC 9562 appendix B.2 shows): the same name, the same id.
    static func nameBasedUUID(_ name: String) -> String {
        var bytes = Array(SHA256.hash(Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16) }.joined()
        let chars = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    }
}
