import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An Atom document (RFC 4287) read by Foundation's XMLParser and checked strictly: well-formed, the root `feed` in the
/// Atom namespace, the feed's and every entry's required elements (exactly one `id`, `title`, `updated`; an `author`
/// on the feed or on every entry; an entry's `link rel="alternate"` or `content`), every id an absolute IRI and unique,
/// every date RFC 3339. Throws the first problem, in words.
struct AtomDocument {
    struct Element {
        var name: String
        var namespace: String?
        var attributes: [String: String]
        var text = ""
        var children: [Element] = []

        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
        func one(_ name: String) throws -> Element {
            let found = all(name)
            guard found.count == 1 else { throw Problem("<\(self.name)> has \(found.count) <\(name)>, RFC 4287 asks for exactly one") }
            return found[0]
        }
    }

    struct Entry {
        let id: String
        let title: String
        let updated: String
        let published: String?
        let alternate: String?
        let summary: String?
        let content: String?
        let author: String?
        let category: String?
        let enclosures: [[String: String]]
    }

    struct Problem: Error, CustomStringConvertible { let description: String; init(_ text: String) { description = text } }

    let root: Element
    let id: String
    let title: String
    let updated: String
    let selfLink: String?
    let entries: [Entry]

    static let atomNamespace = "http://www.w3.org/2005/Atom"

    init(_ bytes: [UInt8]) throws {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw Problem("not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber)")
        }
        guard root.name == "feed", root.namespace == Self.atomNamespace else { throw Problem("the root is not an Atom <feed>") }
        self.root = root
        id = try root.one("id").text
        title = try root.one("title").text
        updated = try root.one("updated").text
        selfLink = root.all("link").first { $0.attributes["rel"] == "self" }?.attributes["href"]
        let feedHasAuthor = !root.all("author").isEmpty
        var ids = [id]
        try Self.checkIRI(id)
        try Self.checkDate(updated)
        for link in root.all("link") where link.attributes["href"] == nil { throw Problem("a feed <link> without href") }
        entries = try root.all("entry").map { entry in
            let id = try entry.one("id").text
            try Self.checkIRI(id)
            ids.append(id)
            let updated = try entry.one("updated").text
            try Self.checkDate(updated)
            let published = entry.all("published").first?.text
            if let published { try Self.checkDate(published) }
            let authors = entry.all("author")
            guard feedHasAuthor || !authors.isEmpty else { throw Problem("an entry without <author> in a feed without one") }
            for author in authors where (try? author.one("name")) == nil { throw Problem("an <author> without exactly one <name>") }
            let links = entry.all("link")
            for link in links where link.attributes["href"] == nil { throw Problem("an entry <link> without href") }
            let alternate = links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" }?.attributes["href"]
            let content = entry.all("content").first?.text
            guard alternate != nil || content != nil else { throw Problem("an entry with neither an alternate link nor content") }
            for element in entry.all("title") + entry.all("summary") + entry.all("content") {
                guard ["text", "html", "xhtml", nil].contains(element.attributes["type"]) else { throw Problem("a text construct of another type") }
            }
            return Entry(id: id, title: try entry.one("title").text, updated: updated, published: published, alternate: alternate,
                         summary: entry.all("summary").first?.text, content: content,
                         author: try authors.first.map { try $0.one("name").text }, category: entry.all("category").first?.attributes["term"],
                         enclosures: links.filter { $0.attributes["rel"] == "enclosure" }.map(\.attributes))
        }
        guard Set(ids).count == ids.count else { throw Problem("ids are not unique: \(ids)") }
    }

    /// RFC 3339 `date-time`: "2026-12-10T02:00:00Z" or with an offset "+07:00", optional fractions.
    static func checkDate(_ text: String) throws {
        let pattern = #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$"#
        guard text.range(of: pattern, options: .regularExpression) != nil else { throw Problem("not an RFC 3339 date: \(text)") }
    }

    /// An absolute IRI (a scheme, then something); the feed's own ids are `urn:uuid:` ones.
    static func checkIRI(_ text: String) throws {
        guard text.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:\S+$"#, options: .regularExpression) != nil else { throw Problem("not an absolute IRI: \(text)") }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(Element(name: elementName, namespace: namespaceURI, attributes: attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            let done = stack.removeLast()
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        }
    }
}

/// An iCalendar object (RFC 5545) read by a strict parser: every line ends in CRLF (no bare CR or LF), no physical line is
/// longer than 75 octets, each physical line is whole UTF-8 on its own (folding split no character), folded lines are
/// joined, each content line is `name *(";" param) ":" value`, components nest and close, the VCALENDAR has VERSION:2.0,
/// PRODID, CALSCALE and METHOD, each VEVENT its UID (unique), DTSTAMP, DTSTART and DTEND (UTC date-times, the end after
/// the start), and every TEXT value escapes `\ ; ,` and line ends correctly. Throws the first problem, in words.
struct StrictICalendar {
    struct Property {
        let name: String
        let parameters: [String: String]
        let value: String
    }

    struct Component {
        let name: String
        var properties: [Property] = []
        var children: [Component] = []

        func all(_ name: String) -> [Property] { properties.filter { $0.name == name } }
        func one(_ name: String) throws -> Property {
            let found = all(name)
            guard found.count == 1 else { throw Problem("\(self.name) has \(found.count) \(name), RFC 5545 asks for exactly one") }
            return found[0]
        }
        /// An unescaped TEXT value.
        func text(_ name: String) throws -> String { try StrictICalendar.unescape(try one(name).value) }
    }

    struct Problem: Error, CustomStringConvertible { let description: String; init(_ text: String) { description = text } }

    let calendar: Component
    var events: [Component] { calendar.children.filter { $0.name == "VEVENT" } }
    /// The longest physical line, in octets.
    let longestLine: Int
    /// How many physical lines were continuations.
    let foldedLines: Int

    static let textProperties: Set<String> = ["SUMMARY", "LOCATION", "DESCRIPTION", "NAME", "X-WR-CALNAME", "COMMENT"]

    init(_ bytes: [UInt8]) throws {
        // Physical lines, each ending in CRLF.
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { throw Problem("a CR without LF at octet \(index)") }
                physical.append(current)
                current = []
                index += 2
                continue
            }
            if byte == 0x0A { throw Problem("a bare LF at octet \(index)") }
            current.append(byte)
            index += 1
        }
        guard current.isEmpty else { throw Problem("the last line does not end in CRLF") }
        var longest = 0, folded = 0
        var logical: [String] = []
        for line in physical {
            longest = max(longest, line.count)
            guard line.count <= 75 else { throw Problem("a line of \(line.count) octets: \(String(decoding: line, as: UTF8.self))") }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw Problem("a line that is not whole UTF-8 (a character split by folding?)")
            }
            if line.first == 0x20 || line.first == 0x09 {
                guard !logical.isEmpty else { throw Problem("a continuation before any line") }
                logical[logical.count - 1] += String(text.dropFirst())
                folded += 1
            } else {
                guard !line.isEmpty else { throw Problem("an empty line") }
                logical.append(text)
            }
        }
        longestLine = longest
        foldedLines = folded
        var stack: [Component] = []
        var finished: Component?
        for line in logical {
            let property = try Self.parse(line)
            switch property.name {
            case "BEGIN":
                guard finished == nil else { throw Problem("something after END:VCALENDAR") }
                stack.append(Component(name: property.value))
            case "END":
                guard let open = stack.popLast(), open.name == property.value else { throw Problem("END:\(property.value) closes nothing open") }
                if stack.isEmpty { finished = open } else { stack[stack.count - 1].children.append(open) }
            default:
                guard !stack.isEmpty else { throw Problem("\(property.name) outside any component") }
                if Self.textProperties.contains(property.name) { _ = try Self.unescape(property.value) }
                stack[stack.count - 1].properties.append(property)
            }
        }
        guard stack.isEmpty, let calendar = finished, calendar.name == "VCALENDAR" else { throw Problem("no closed VCALENDAR") }
        guard try calendar.one("VERSION").value == "2.0" else { throw Problem("VERSION is not 2.0") }
        _ = try calendar.one("PRODID")
        guard try calendar.one("CALSCALE").value == "GREGORIAN" else { throw Problem("CALSCALE is not GREGORIAN") }
        _ = try calendar.one("METHOD")
        self.calendar = calendar
        var uids = Set<String>()
        for event in calendar.children where event.name == "VEVENT" {
            let uid = try event.one("UID").value
            guard uids.insert(uid).inserted else { throw Problem("UID \(uid) twice") }
            for name in ["DTSTAMP", "DTSTART", "DTEND"] { try Self.checkUTC(try event.one(name).value) }
            guard try event.one("DTEND").value > event.one("DTSTART").value else { throw Problem("an event that ends before it starts") }
            _ = try event.one("SUMMARY")
        }
    }

    /// `name *(";" param "=" value) ":" value`, names in upper-case letters, digits and "-".
    static func parse(_ line: String) throws -> Property {
        var head = "", rest = Substring(line), inQuotes = false
        while let character = rest.first {
            if character == "\"" { inQuotes.toggle() }
            if character == ":" && !inQuotes { break }
            head.append(character)
            rest = rest.dropFirst()
        }
        guard rest.first == ":" else { throw Problem("no ':' in \(line)") }
        let parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) else { throw Problem("bad name in \(line)") }
        var parameters: [String: String] = [:]
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw Problem("bad parameter in \(line)") }
            parameters[pair[0]] = pair[1]
        }
        return Property(name: name, parameters: parameters, value: String(rest.dropFirst()))
    }

    /// A TEXT value unescaped; an unescaped `;` or `,`, or a backslash before anything but `\ ; , n N`, is a problem.
    static func unescape(_ value: String) throws -> String {
        var output = "", escaping = false
        for character in value {
            if escaping {
                switch character {
                case "\\", ";", ",": output.append(character)
                case "n", "N": output.append("\n")
                default: throw Problem("\\\(character) is no TEXT escape in \(value)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == ";" || character == "," {
                throw Problem("an unescaped '\(character)' in TEXT \(value)")
            } else {
                output.append(character)
            }
        }
        guard !escaping else { throw Problem("a TEXT value ending in a lone backslash") }
        return output
    }

    /// A UTC DATE-TIME: "20270112T020000Z".
    static func checkUTC(_ value: String) throws {
        guard value.range(of: #"^\d{8}T\d{6}Z$"#, options: .regularExpression) != nil else { throw Problem("not a UTC date-time: \(value)") }
    }
}
