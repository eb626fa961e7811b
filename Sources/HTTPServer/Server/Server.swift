import Foundation
import Glibc

/// An HTTP/1.1 server: binds on creation, serves on `start()`, drains on `shutdown()`.
///
/// ```swift
/// let server = try Server(configuration: config, responder: router)
/// server.start()
/// server.wait()          // returns after shutdown() has drained
/// ```
public final class Server: Sendable {
    /// The bound port (useful with port 0).
    public let port: Int
    private let core: ServerCore
    private let loops: [EventLoop]
    private let finished = DispatchGroup()

    /// Binds the listening socket (so `port` is known) without serving yet. Also ignores SIGPIPE and
    /// raises the open-file soft limit, which every socket server needs.
    public init(configuration: ServerConfiguration, responder: any Responder) throws {
        ResourceLimits.ignoreSIGPIPE()
        ResourceLimits.raiseOpenFileLimit()
        let listener = try SocketAddress.listen(host: configuration.host, port: configuration.port)
        port = listener.port
        let loopCount = max(1, configuration.ioThreads)
        let core = ServerCore(configuration: configuration, responder: responder, listenFD: listener.fd, loopCount: loopCount)
        self.core = core
        loops = try (0..<loopCount).map { _ in try EventLoop(core: core) }
    }

    /// Starts the I/O threads; returns at once.
    public func start() {
        for (index, loop) in loops.enumerated() {
            finished.enter()
            let thread = Thread { [finished] in
                loop.run()
                finished.leave()
            }
            thread.name = "http-io-\(index)"
            thread.start()
        }
    }

    /// Stops accepting, lets in-flight requests finish, closes idle connections; every connection is
    /// closed once `shutdownTimeout` has passed. Returns at once; `wait()` for the end.
    public func shutdown() {
        core.isDraining.store(true, ordering: .relaxed)
        for loop in loops { loop.requestShutdown() }
    }

    /// Blocks until the server has shut down.
    public func wait() {
        finished.wait()
        for pool in core.pools { pool.stop() }
    }

    /// Connections currently being served.
    public var openConnections: Int { core.openConnections.load(ordering: .relaxed) }
}
