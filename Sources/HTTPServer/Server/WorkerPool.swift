import Foundation

/// A fixed set of threads running handlers, so blocking work (SQLite) never stalls the I/O threads and
/// never grows past a known number of threads.
// @unchecked Sendable: the job queue is only touched under `condition`.
final class WorkerPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var stopped = false

    /// `threads` threads named `name-N`, their nice value raised by `niceIncrement` (0: the process's own priority).
    init(threads: Int, name: String, niceIncrement: Int32 = 0) {
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in
                // On Linux the nice value is a thread's own (`who` 0 is the calling thread); raising it needs no
                // privilege. Best effort: a refusal leaves the thread at the process's priority.
                if niceIncrement > 0 {
                    let which = __priority_which_t(PRIO_PROCESS.rawValue)
                    _ = setpriority(which, 0, min(19, getpriority(which, 0) + niceIncrement))
                }
                self.work()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Queues a job; it runs on one of the pool's threads.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish their queued jobs and exit.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count && !stopped { condition.wait() }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
