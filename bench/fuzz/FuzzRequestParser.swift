// libFuzzer harness for RequestParser, built by bench/fuzz-parser.sh together with the parser sources
// (never by `swift build`: bench/ is outside every target).
//
// Invariants checked on every input:
//  - the parser never crashes, loops or traps (ASan/UBSan catch memory errors);
//  - feeding the input whole or split in two at an arbitrary point gives the same events and the same
//    error status (incremental parsing must not depend on how TCP slices the bytes);
//  - a fixed-length body never yields more bytes than Content-Length declared;
//  - every error status is one the server is meant to send.

private let allowedStatuses: Set<Int> = [400, 414, 417, 431, 501, 505]

private func run(_ bytes: [UInt8], split: Int) -> (events: [String], status: Int?) {
    var parser = RequestParser()
    var events: [String] = []
    var declared: [Int] = []
    var bodyCount = 0
    let pieces = split > 0 && split < bytes.count ? [Array(bytes[..<split]), Array(bytes[split...])] : [bytes]
    do {
        for piece in pieces {
            parser.feed(piece)
            while let event = try parser.next() {
                switch event {
                case .head(let head):
                    events.append("head \(head.method) \(head.target) \(head.version) \(head.framing) \(head.keepAlive)")
                    if case .length(let length) = head.framing { declared.append(length) } else { declared.append(-1) }
                    bodyCount = 0
                case .body(let body):
                    // Body pieces are merged: only the concatenation is independent of the split.
                    if let last = events.last, last.hasPrefix("body ") {
                        events[events.count - 1] = last + String(decoding: body, as: UTF8.self)
                    } else {
                        events.append("body " + String(decoding: body, as: UTF8.self))
                    }
                    bodyCount += body.count
                    if let length = declared.last, length >= 0, bodyCount > length {
                        fatalError("body longer than Content-Length")
                    }
                case .end:
                    events.append("end")
                }
            }
        }
        return (events, nil)
    } catch {
        return (events, error.status.code)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = run(bytes, split: 0)
    if let status = whole.status, !allowedStatuses.contains(status) { fatalError("unexpected status \(status)") }
    let split = bytes.isEmpty ? 0 : Int(bytes[0]) * 7 % max(1, bytes.count)
    let sliced = run(bytes, split: split)
    if whole.status != sliced.status || whole.events != sliced.events {
        fatalError("split at \(split) changed the outcome: \(whole) vs \(sliced)")
    }
    return 0
}
