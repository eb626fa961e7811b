import CLinux
import Glibc

/// One client connection: its parse buffer, where it is in the request/response cycle, what it still has to
/// send, and its current deadline.
// @unchecked Sendable: every property is read and written only on the owning loop's thread. Worker threads
// merely carry the reference back to that loop through `EventLoop.post`, which checks `isClosed` there.
final class Connection: @unchecked Sendable {
    enum Phase {
        /// Reading a request head (or idle between requests).
        case head
        /// Reading the body of `head`.
        case body(RequestHead, BodyCollector)
        /// A handler runs or a response is being written; nothing is read.
        case responding
        /// The final response is sent; draining the client's bytes until it closes or the linger time passes.
        case lingering
    }

    let fd: Int32
    let remoteAddress: String
    unowned let loop: EventLoop
    /// Over the connection limit: only a 503 is sent, and the connection is not counted.
    let isRejected: Bool
    var parser: RequestParser
    var phase: Phase = .head
    var outbound: [OutboundItem] = []
    var outboundOffset = 0
    var deadline: UInt64 = 0
    var awaitingFirstByte = false
    var requestsServed = 0
    /// The split target of the request being read (from its head until it is dispatched).
    private var currentTarget: RequestTarget.Parts?
    /// Whether the request being read runs inline on the I/O thread (decided with its head).
    private var currentRunsInline = false
    private var currentLane = WorkerLane.standard
    /// Set while `advance` runs, so an inline response finishing inside it does not recurse into it.
    private var advancing = false
    private(set) var isClosed = false
    var interest: UInt32 = 0

    init(fd: Int32, remoteAddress: String, loop: EventLoop, rejected: Bool) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.loop = loop
        self.isRejected = rejected
        self.parser = RequestParser(limits: loop.core.configuration.parserLimits)
    }

    private var configuration: ServerConfiguration { loop.core.configuration }

    // MARK: reading

    /// The socket is readable: receive once (level-triggered, so fairness comes for free) and parse.
    func readable(scratch: UnsafeMutableRawBufferPointer) {
        let count = recv(fd, scratch.baseAddress, scratch.count, Int32(MSG_DONTWAIT))
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
            close()
            return
        }
        if count == 0 {
            // The client finished sending. A response being produced is still sent if the client reads.
            if case .responding = phase { interestChanged(); return }
            close()
            return
        }
        switch phase {
        case .lingering:
            return  // drained and dropped
        case .responding:
            // Only reached if bytes arrive between two polls; keep them for the next request.
            parser.feed(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
            return
        case .head:
            if awaitingFirstByte {
                awaitingFirstByte = false
                deadline = MonotonicClock.after(seconds: configuration.headerTimeout)
            }
        case .body:
            deadline = MonotonicClock.after(seconds: configuration.bodyTimeout)
        }
        parser.feed(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
        advance()
    }

    /// Pulls parser events until the parser needs more bytes or a request is handed to a worker.
    func advance() {
        guard !advancing else { return }  // the running loop picks up the next request itself
        advancing = true
        defer { advancing = false }
        while !isClosed {
            let event: ParserEvent?
            do {
                switch phase {
                case .head, .body: event = try parser.next()
                case .responding, .lingering: return
                }
            } catch {
                fail(error)
                return
            }
            guard let event else { return }
            switch event {
            case .head(let head):
                let target: RequestTarget.Parts
                do { target = try RequestTarget.parse(head.target) } catch { fail(error); return }
                let plan = loop.core.responder.dispatchPlan(method: head.method, rawPath: target.rawPath)
                let limit = plan.bodyLimit
                currentRunsInline = plan.runsInline
                currentLane = plan.lane
                let declared: Int? = if case .length(let length) = head.framing { length } else { nil }
                if let declared, declared > limit {
                    fail(HTTPError(.contentTooLarge))
                    return
                }
                currentTarget = target
                if parser.requestComplete {
                    dispatch(head, body: .empty, spoolPath: nil)
                    continue
                }
                do {
                    let collector = try BodyCollector(limit: limit, spoolThreshold: configuration.spoolThreshold,
                                                      spoolDirectory: configuration.spoolDirectory, expectedLength: declared)
                    phase = .body(head, collector)
                } catch {
                    fail(error)
                    return
                }
                deadline = MonotonicClock.after(seconds: configuration.bodyTimeout)
                if head.expectsContinue {
                    enqueue([.bytes(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), flow: nil)])
                }
            case .body(let bytes):
                guard case .body(let head, var collector) = phase else { return }
                phase = .responding  // avoid a copy of the collector while mutating it
                do {
                    try collector.append(bytes)
                } catch {
                    collector.discard()
                    fail(error)
                    return
                }
                if parser.requestComplete {
                    let path = collector.spoolPath
                    dispatch(head, body: collector.finish(), spoolPath: path)
                } else {
                    phase = .body(head, collector)
                }
            case .end:
                guard case .body(let head, var collector) = phase else { continue }
                let path = collector.spoolPath
                dispatch(head, body: collector.finish(), spoolPath: path)
            }
        }
    }

    /// Runs a complete request: inline on this thread when its route allows it, else on the worker pool.
    private func dispatch(_ head: RequestHead, body: RequestBody, spoolPath: String?) {
        let cleanup: (@Sendable () -> Void)? = Self.deleter(spoolPath)
        guard let target = currentTarget else {
            // Unreachable: every dispatch follows its head. Answer rather than leave the client hanging.
            cleanup?()
            fail(HTTPError(.internalServerError))
            return
        }
        currentTarget = nil
        let request = HTTPRequest(method: head.method, target: head.target, parts: target, version: head.version,
                                  headers: head.headers, host: head.host, body: body, remoteAddress: remoteAddress)
        phase = .responding
        deadline = 0
        requestsServed += 1
        let keepAlive = head.keepAlive && !loop.isDraining
        let core = loop.core
        let loop = self.loop
        let connection = self
        if currentRunsInline {
            let prepared = Self.prepare(request, keepAlive: keepAlive, core: core)
            guard let stream = prepared.stream else {
                enqueue(prepared.items + [.end(keepAlive: prepared.keepAlive, cleanup: cleanup)])
                return
            }
            // A stream may wait for the client (backpressure): produce it on the pool, never here.
            enqueue(prepared.items)
            core.workers.submit {
                Self.produce(stream, request: request, keepAlive: prepared.keepAlive, cleanup: cleanup,
                             connection: connection, loop: loop, core: core)
            }
            return
        }
        let heavyBody = currentLane == .standard && configuration.heavyBodyBytes > 0 && body.length >= configuration.heavyBodyBytes
        core.pool(heavyBody ? .heavy : currentLane).submit {
            let prepared = Self.prepare(request, keepAlive: keepAlive, core: core)
            guard let stream = prepared.stream else {
                loop.post(connection, prepared.items + [.end(keepAlive: prepared.keepAlive, cleanup: cleanup)])
                return
            }
            loop.post(connection, prepared.items)
            Self.produce(stream, request: request, keepAlive: prepared.keepAlive, cleanup: cleanup,
                         connection: connection, loop: loop, core: core)
        }
    }

    /// Runs the application for `request` and serializes its answer (errors become error pages).
    private static func prepare(_ request: HTTPRequest, keepAlive: Bool, core: ServerCore) -> ResponseSerializer.Prepared {
        let response: HTTPResponse
        do {
            response = try core.responder.respond(to: request)
        } catch let error as HTTPError {
            response = .error(error)
        } catch {
            core.log("handler error for \(request.method) \(request.path): \(error)")
            response = .error(HTTPError(.internalServerError))
        }
        return ResponseSerializer.prepare(response, method: request.method, version: request.version,
                                          keepAlive: keepAlive && !core.isDraining.load(ordering: .relaxed), log: core.configuration.log)
    }

    /// Produces a streamed body on a worker thread, chunk by chunk, posting each to the loop.
    private static func produce(_ stream: @Sendable (ChunkWriter) throws -> Void, request: HTTPRequest, keepAlive: Bool,
                                cleanup: (@Sendable () -> Void)?, connection: Connection, loop: EventLoop, core: ServerCore) {
        let flow = StreamFlow()
        do {
            try stream(ChunkWriter { bytes in
                let chunk = ResponseSerializer.chunk(bytes)
                try flow.reserve(chunk.count)
                loop.post(connection, [.bytes(chunk, flow: flow)])
            })
            loop.post(connection, [.bytes(ResponseSerializer.lastChunk, flow: nil), .end(keepAlive: keepAlive, cleanup: cleanup)])
        } catch {
            // Headers are gone already: end without the last chunk so the client sees a truncated body.
            core.log("streamed body failed for \(request.method) \(request.path): \(error)")
            loop.post(connection, [.end(keepAlive: false, cleanup: cleanup)])
        }
    }

    private static func deleter(_ path: String?) -> (@Sendable () -> Void)? {
        guard let path else { return nil }
        return { _ = unlink(path) }
    }

    /// Answers with `error` and closes: after a parse error the framing is unknown, so nothing more is read.
    func fail(_ error: HTTPError) {
        if case .body(_, var collector) = phase { collector.discard() }
        phase = .responding
        enqueue([.bytes(ResponseSerializer.errorResponse(error), flow: nil), .end(keepAlive: false, cleanup: nil)])
    }

    // MARK: writing

    /// Queues items and tries to send them right away.
    func enqueue(_ items: [OutboundItem]) {
        guard !isClosed else {
            items.forEach { $0.discard() }
            return
        }
        outbound.append(contentsOf: items)
        flush()
        interestChanged()
    }

    /// Sends queued items until the socket would block.
    func flush() {
        var progressed = false
        defer {
            // While a response waits on a client that does not read, the write deadline runs; it restarts
            // whenever bytes move.
            if !isClosed, case .responding = phase {
                if outbound.isEmpty {
                    deadline = 0
                } else if progressed || deadline == 0 {
                    deadline = MonotonicClock.after(seconds: configuration.writeTimeout)
                }
            }
        }
        while !isClosed, let item = outbound.first {
            switch item {
            case .bytes(let bytes, let flow):
                let sent = bytes.withUnsafeBytes { raw in
                    send(fd, raw.baseAddress! + outboundOffset, raw.count - outboundOffset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
                }
                if sent < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK { return }
                    close()
                    return
                }
                progressed = true
                outboundOffset += sent
                if outboundOffset == bytes.count {
                    outbound.removeFirst()
                    outboundOffset = 0
                    flow?.written(bytes.count)
                }
            case .file(let file, let remaining):
                let sent = sendfile(fd, file, nil, min(remaining, 1 << 20))
                if sent < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK { return }
                    close()
                    return
                }
                if sent == 0 {
                    close()  // the file shrank under us: the promised length cannot be kept
                    return
                }
                progressed = true
                if sent == remaining {
                    outbound.removeFirst()
                    Glibc.close(file)
                } else {
                    outbound[0] = .file(fd: file, remaining: remaining - sent)
                }
            case .end(let keepAlive, let cleanup):
                outbound.removeFirst()
                cleanup?()
                responseFinished(keepAlive: keepAlive)
            }
        }
    }

    /// One response is fully written: read the next (possibly already buffered) request, or close.
    private func responseFinished(keepAlive: Bool) {
        guard keepAlive, !loop.isDraining, !isRejected else {
            startLingering()
            return
        }
        phase = .head
        if parser.bufferedByteCount > 0 {
            deadline = MonotonicClock.after(seconds: configuration.headerTimeout)
            awaitingFirstByte = false
        } else {
            deadline = MonotonicClock.after(seconds: configuration.idleTimeout)
            awaitingFirstByte = true
        }
        advance()
    }

    /// Half-closes and drains: closing with unread input would reset the connection and could destroy the
    /// response before the client reads it.
    private func startLingering() {
        phase = .lingering
        shutdown(fd, Int32(SHUT_WR))
        deadline = MonotonicClock.after(seconds: configuration.lingerTimeout)
    }

    // MARK: lifecycle

    /// The current deadline passed.
    func deadlinePassed() {
        switch phase {
        case .head:
            if parser.isIdle && requestsServed > 0 { close() } else { fail(HTTPError(.requestTimeout)) }
        case .body:
            fail(HTTPError(.requestTimeout))
        case .responding, .lingering:
            close()
        }
        interestChanged()
    }

    /// Whether the connection has nothing in progress (closed at once on shutdown).
    var isIdleForShutdown: Bool {
        if case .head = phase { return outbound.isEmpty }
        if case .lingering = phase { return true }
        return false
    }

    /// The epoll events this connection wants now.
    var wantedInterest: UInt32 {
        let writing: UInt32 = outbound.isEmpty ? 0 : UInt32(EPOLLOUT.rawValue)
        switch phase {
        case .head, .body, .lingering: return UInt32(EPOLLIN.rawValue) | writing
        case .responding: return writing
        }
    }

    func interestChanged() {
        if !isClosed { loop.updateInterest(self) }
    }

    /// Closes the socket exactly once and releases everything queued.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        if case .body(_, var collector) = phase { collector.discard() }
        phase = .lingering
        let pending = outbound
        outbound = []
        pending.forEach { $0.discard() }
        loop.forget(self)
        Glibc.close(fd)
    }
}
