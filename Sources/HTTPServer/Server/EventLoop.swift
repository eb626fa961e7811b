import CLinux
import Foundation
import Glibc

/// One I/O thread: an epoll set (level-triggered) over the shared listening socket and this loop's
/// connections, an eventfd to be woken for queued responses and shutdown, and a periodic deadline sweep.
// @unchecked Sendable: `connections` and the epoll set are touched only on the loop's own thread; other
// threads use only `post` and `requestShutdown`, which go through `mailboxLock` and the eventfd.
final class EventLoop: @unchecked Sendable {
    private enum Message {
        case enqueue(Connection, [OutboundItem])
        case shutdown
    }

    let core: ServerCore
    private let epollFD: Int32
    private let wakeFD: Int32
    private var connections: [Int32: Connection] = [:]
    private let mailboxLock = NSLock()
    private var mailbox: [Message] = []
    /// Set when the loop has exited; later messages are discarded at once.
    private var stopped = false
    private var listening = true
    private var listenerPausedUntil: UInt64 = 0
    private var rejectedCount = 0
    private var nextRejectLog: UInt64 = 0
    private(set) var isDraining = false
    private var drainDeadline: UInt64 = 0
    private let tickMilliseconds: Int32

    init(core: ServerCore) throws {
        self.core = core
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard epollFD >= 0, wakeFD >= 0 else { throw SocketAddress.Failure(description: "epoll/eventfd: \(errno)") }
        let configuration = core.configuration
        let shortest = [configuration.headerTimeout, configuration.idleTimeout, configuration.bodyTimeout,
                        configuration.writeTimeout, configuration.lingerTimeout].min()!
        tickMilliseconds = Int32(min(250, max(5, shortest * 1000 / 4)))
        control(EPOLL_CTL_ADD, wakeFD, UInt32(EPOLLIN.rawValue))
        // EPOLLEXCLUSIVE: one new connection wakes one loop, not all of them.
        control(EPOLL_CTL_ADD, core.listenFD, UInt32(EPOLLIN.rawValue) | UInt32(EPOLLEXCLUSIVE.rawValue))
    }

    // MARK: other threads

    /// Queues items for `connection` from any thread; they are sent in order on the loop's thread.
    func post(_ connection: Connection, _ items: [OutboundItem]) {
        send(.enqueue(connection, items))
    }

    /// Begins a graceful shutdown of this loop (from any thread).
    func requestShutdown() { send(.shutdown) }

    private func send(_ message: Message) {
        mailboxLock.lock()
        guard !stopped else {
            mailboxLock.unlock()
            // The loop is gone: release what the items hold (file descriptors, spooled bodies).
            if case .enqueue(_, let items) = message { items.forEach { $0.discard() } }
            return
        }
        mailbox.append(message)
        // Written under the lock: the loop closes wakeFD under it too, so a reused descriptor is never hit.
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
        mailboxLock.unlock()
    }

    // MARK: the loop

    /// Runs until shutdown has finished; then every connection of this loop is closed.
    func run() {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        var events = [epoll_event](repeating: epoll_event(), count: 512)
        var nextSweep = MonotonicClock.now()
        while true {
            let count = epoll_wait(epollFD, &events, Int32(events.count), tickMilliseconds)
            if count < 0 && errno != EINTR {
                core.log("epoll_wait failed: errno \(errno)")
                break
            }
            for index in 0..<max(0, Int(count)) {
                let fd = events[index].data.fd
                let flags = events[index].events
                if fd == wakeFD {
                    var value: UInt64 = 0
                    _ = read(wakeFD, &value, 8)
                } else if fd == core.listenFD {
                    if listening { acceptConnections() }
                } else if let connection = connections[fd] {
                    handle(connection, flags: flags, scratch: scratch)
                }
            }
            processMailbox()
            let now = MonotonicClock.now()
            if now >= nextSweep {
                sweep(now)
                nextSweep = now + UInt64(tickMilliseconds) * 1_000_000
            }
            if isDraining && (connections.isEmpty || now >= drainDeadline) { break }
        }
        for connection in Array(connections.values) { connection.close() }
        mailboxLock.lock()
        stopped = true
        let leftovers = mailbox
        mailbox = []
        Glibc.close(wakeFD)
        mailboxLock.unlock()
        for case .enqueue(_, let items) in leftovers { items.forEach { $0.discard() } }
        Glibc.close(epollFD)
    }

    private func handle(_ connection: Connection, flags: UInt32, scratch: UnsafeMutableRawBufferPointer) {
        if flags & (UInt32(EPOLLERR.rawValue) | UInt32(EPOLLHUP.rawValue)) != 0 {
            connection.close()  // the peer is gone both ways (or reset): nothing more can be delivered
            return
        }
        if flags & UInt32(EPOLLIN.rawValue) != 0 {
            connection.readable(scratch: scratch)
        }
        if !connection.isClosed && flags & UInt32(EPOLLOUT.rawValue) != 0 {
            connection.flush()
        }
        connection.interestChanged()
    }

    private func acceptConnections() {
        let configuration = core.configuration
        for _ in 0..<256 {
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept4(core.listenFD, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
                }
            }
            if fd < 0 {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: stop polling the listener briefly instead of spinning on it.
                    core.log("accept: out of file descriptors (errno \(errno)); pausing accepts")
                    pauseListener()
                    return
                default:
                    return  // EAGAIN: the backlog is empty
                }
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let remote = SocketAddress.describe(address).text
            let (_, open) = core.openConnections.wrappingAdd(1, ordering: .relaxed)
            if open > configuration.maxConnections {
                core.openConnections.wrappingSubtract(1, ordering: .relaxed)
                reject(fd, remote: remote)
                continue
            }
            let connection = Connection(fd: fd, remoteAddress: remote, loop: self, rejected: false)
            connection.deadline = MonotonicClock.after(seconds: configuration.headerTimeout)
            register(connection)
        }
    }

    /// Over the limit: a 503, then close. Bounded too, so a flood cannot pin descriptors here.
    private func reject(_ fd: Int32, remote: String) {
        let now = MonotonicClock.now()
        if now >= nextRejectLog {
            // At most one line a second: a flood must not flood the log as well.
            nextRejectLog = now + 1_000_000_000
            core.log("connection limit (\(core.configuration.maxConnections)) reached; answering 503 to \(remote)")
        }
        guard rejectedCount < 1024 else {
            Glibc.close(fd)
            return
        }
        rejectedCount += 1
        let connection = Connection(fd: fd, remoteAddress: remote, loop: self, rejected: true)
        connection.phase = .responding
        register(connection)
        connection.enqueue([.bytes(ResponseSerializer.errorResponse(HTTPError(.serviceUnavailable)), flow: nil),
                            .end(keepAlive: false, cleanup: nil)])
    }

    private func register(_ connection: Connection) {
        connections[connection.fd] = connection
        connection.interest = connection.wantedInterest
        control(EPOLL_CTL_ADD, connection.fd, connection.interest)
    }

    /// Called by `Connection.close()` before the descriptor is closed.
    func forget(_ connection: Connection) {
        connections[connection.fd] = nil
        control(EPOLL_CTL_DEL, connection.fd, 0)
        if connection.isRejected {
            rejectedCount -= 1
        } else {
            core.openConnections.wrappingSubtract(1, ordering: .relaxed)
        }
    }

    func updateInterest(_ connection: Connection) {
        let wanted = connection.wantedInterest
        if wanted != connection.interest {
            connection.interest = wanted
            control(EPOLL_CTL_MOD, connection.fd, wanted)
        }
    }

    private func control(_ operation: Int32, _ fd: Int32, _ flags: UInt32) {
        var event = epoll_event()
        event.events = flags
        event.data.fd = fd
        _ = epoll_ctl(epollFD, operation, fd, &event)
    }

    private func pauseListener() {
        guard listening else { return }
        control(EPOLL_CTL_DEL, core.listenFD, 0)
        listenerPausedUntil = MonotonicClock.after(seconds: 0.1)
    }

    private func processMailbox() {
        mailboxLock.lock()
        let messages = mailbox
        mailbox = []
        mailboxLock.unlock()
        for message in messages {
            switch message {
            case .enqueue(let connection, let items):
                connection.enqueue(items)
            case .shutdown:
                beginDraining()
            }
        }
    }

    private func beginDraining() {
        guard !isDraining else { return }
        isDraining = true
        drainDeadline = MonotonicClock.after(seconds: core.configuration.shutdownTimeout)
        if listening {
            listening = false
            if listenerPausedUntil == 0 { control(EPOLL_CTL_DEL, core.listenFD, 0) }
        }
        // The last loop to let go of the listener closes it, so no connection is accepted after this.
        let (_, released) = core.listenerClosers.wrappingAdd(1, ordering: .relaxed)
        if released == core.loopCount { Glibc.close(core.listenFD) }
        for connection in Array(connections.values) where connection.isIdleForShutdown {
            connection.close()
        }
    }

    private func sweep(_ now: UInt64) {
        if listening && listenerPausedUntil != 0 && now >= listenerPausedUntil {
            listenerPausedUntil = 0
            control(EPOLL_CTL_ADD, core.listenFD, UInt32(EPOLLIN.rawValue) | UInt32(EPOLLEXCLUSIVE.rawValue))
        }
        for connection in Array(connections.values) where connection.deadline != 0 && connection.deadline <= now {
            connection.deadlinePassed()
        }
        if isDraining {
            for connection in Array(connections.values) where connection.isIdleForShutdown { connection.close() }
        }
    }
}
