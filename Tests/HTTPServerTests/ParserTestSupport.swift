@testable import HTTPServer

/// Feeds `raw` to a fresh parser (all at once, or one byte at a time) and collects the events.
func parse(_ raw: String, limits: ParserLimits = ParserLimits(), byteByByte: Bool = false) throws(HTTPError) -> [ParserEvent] {
    try parseBytes(Array(raw.utf8), limits: limits, byteByByte: byteByByte)
}

func parseBytes(_ bytes: [UInt8], limits: ParserLimits = ParserLimits(), byteByByte: Bool = false) throws(HTTPError) -> [ParserEvent] {
    var parser = RequestParser(limits: limits)
    var events: [ParserEvent] = []
    let pieces: [[UInt8]] = byteByByte ? bytes.map { [$0] } : [bytes]
    for piece in pieces {
        parser.feed(piece)
        while let event = try parser.next() { events.append(event) }
    }
    return events
}

/// The status a malformed request is refused with, or nil if it parsed.
func refusal(_ raw: String, limits: ParserLimits = ParserLimits(), byteByByte: Bool = false) -> Int? {
    do {
        _ = try parse(raw, limits: limits, byteByByte: byteByByte)
        return nil
    } catch {
        return error.status.code
    }
}

extension Array where Element == ParserEvent {
    var heads: [RequestHead] { compactMap { if case .head(let head) = $0 { head } else { nil } } }
    var bodyBytes: [UInt8] { flatMap { event -> [UInt8] in if case .body(let bytes) = event { bytes } else { [] } } }
    var bodyText: String { String(decoding: bodyBytes, as: UTF8.self) }
}
