import Foundation

/// Everything that tunes a `Server`: where it listens, its limits and its deadlines.
public struct ServerConfiguration: Sendable {
    /// Address to bind: `127.0.0.1`, `0.0.0.0`, `::`, `::1`, ...
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks a free ephemeral port (see `Server.port`).
    public var port = 8080
    /// Open connections served at once; beyond it new connections get 503 and are closed.
    public var maxConnections = 16_384
    /// Threads running handlers (handlers may block on SQLite).
    public var workerThreads = max(4, ProcessInfo.processInfo.activeProcessorCount * 2)
    /// How much the standard workers' nice value is raised above the process's: above the I/O threads', so that the
    /// event loops, which do little per request but stand between every client and every worker, get a core as soon
    /// as they have something to send or read instead of waiting for a busy worker's time slice.
    public var workerNice: Int32 = 0
    /// Threads running the routes of `WorkerLane.longRunning` (0: they share `workerThreads`).
    public var longRunningThreads = 0
    /// How much the long-running threads' nice value is raised above the process's (at most to 19): it makes them
    /// yield the cores to the standard pool's requests.
    public var longRunningNice: Int32 = 10
    /// Threads running the routes of `WorkerLane.heavy` (0: they share `workerThreads`); more heavy requests wait in
    /// their queue.
    public var heavyThreads = 0
    /// How much the heavy threads' nice value is raised above the process's: a page view comes before an export.
    public var heavyNice: Int32 = 5
    /// A request of the standard lane whose body is at least this large (photos, a scan, a file to import) runs on the
    /// heavy lane: decoding and storing it takes tens of milliseconds, which would hold one of the pages' few threads.
    /// The lane is chosen when the body has been read, so it holds for chunked bodies too. 0: by route only.
    public var heavyBodyBytes = 64 * 1024
    /// Event-loop threads doing socket I/O.
    public var ioThreads = min(max(1, ProcessInfo.processInfo.activeProcessorCount), 4)
    /// Time allowed to receive a whole request head; then 408 and close.
    public var headerTimeout: Double = 10
    /// Longest pause while receiving a body; then 408 and close.
    public var bodyTimeout: Double = 30
    /// Longest pause while the client does not read the response; then close.
    public var writeTimeout: Double = 30
    /// Idle keep-alive time between requests; then the connection is closed.
    public var idleTimeout: Double = 15
    /// After an error response, how long the server keeps draining the client's bytes before closing,
    /// so the client reads the response instead of a reset.
    public var lingerTimeout: Double = 2
    /// Time given to in-flight requests on shutdown before every connection is closed.
    public var shutdownTimeout: Double = 10
    /// Bodies larger than this are spooled to a temporary file instead of memory.
    public var spoolThreshold = 64 * 1024
    /// Where spooled bodies go.
    public var spoolDirectory = FileManager.default.temporaryDirectory.path
    /// Request line and header limits.
    public var parserLimits = ParserLimits()
    /// Receives server-level diagnostics (failed writes, handler errors); nil keeps the server quiet.
    public var log: (@Sendable (String) -> Void)?

    /// The defaults above.
    public init() {}
}
