import Synchronization

/// What every event loop of one server shares: settings, the application, the workers, the counters.
final class ServerCore: Sendable {
    let configuration: ServerConfiguration
    let responder: any Responder
    let workers: WorkerPool
    /// The pool of `WorkerLane.longRunning` routes (`workers` when none is configured).
    let longRunningWorkers: WorkerPool
    /// The pool of `WorkerLane.heavy` routes (`workers` when none is configured).
    let heavyWorkers: WorkerPool
    /// Connections being served (rejected ones are not counted).
    let openConnections = Atomic<Int>(0)
    let listenerClosers = Atomic<Int>(0)
    /// Set once shutdown begins; workers read it to announce `Connection: close` on in-flight responses.
    let isDraining = Atomic<Bool>(false)
    let listenFD: Int32
    let loopCount: Int

    init(configuration: ServerConfiguration, responder: any Responder, listenFD: Int32, loopCount: Int) {
        self.configuration = configuration
        self.responder = responder
        self.listenFD = listenFD
        self.loopCount = loopCount
        let workers = WorkerPool(threads: configuration.workerThreads, name: "http-worker", niceIncrement: configuration.workerNice)
        self.workers = workers
        self.longRunningWorkers = configuration.longRunningThreads > 0
            ? WorkerPool(threads: configuration.longRunningThreads, name: "http-long", niceIncrement: configuration.longRunningNice)
            : workers
        self.heavyWorkers = configuration.heavyThreads > 0
            ? WorkerPool(threads: configuration.heavyThreads, name: "http-heavy", niceIncrement: configuration.heavyNice)
            : workers
    }

    /// The pool that runs requests of `lane`.
    func pool(_ lane: WorkerLane) -> WorkerPool {
        switch lane {
        case .standard: workers
        case .longRunning: longRunningWorkers
        case .heavy: heavyWorkers
        }
    }

    /// Every distinct pool, once.
    var pools: [WorkerPool] {
        var distinct: [WorkerPool] = []
        for pool in [workers, longRunningWorkers, heavyWorkers] where !distinct.contains(where: { $0 === pool }) { distinct.append(pool) }
        return distinct
    }

    func log(_ message: @autoclosure () -> String) {
        configuration.log?(message())
    }
}
