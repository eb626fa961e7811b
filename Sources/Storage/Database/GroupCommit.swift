import CSQLite
import Foundation

/// Group commit of small writes (`Database.writeInGroup`): those that arrive while another group is committing wait in
/// line, and the next group takes them all into one transaction. Each write of a group of several runs in a savepoint of
/// its own, so one that throws undoes only its own changes (a group of one is a plain transaction); none returns before
/// the shared COMMIT has succeeded, so what a caller was told is stored is on disk as before. What SQLite does once per transaction (take the write lock, write the log's frames of every page touched,
/// flush the full-text index's segment) is then paid once per group instead of once per write.
///
/// The first waiting thread leads: it runs its whole group on the writer connection and wakes the others.
/// `@unchecked Sendable`: `waiting`, `leading` and the counters are only touched under `condition`; an entry's fields
/// are written by the leader before `done` is set under `condition` and read by its caller after.
final class GroupCommit: @unchecked Sendable {
    /// One caller's write, run by whichever thread leads its group.
    final class Entry {
        /// The write's body; dropped once run, before its caller is woken (see `Database.writeInGroup`).
        fileprivate var body: ((Connection) throws -> Void)?
        fileprivate var error: (any Error)?
        fileprivate var done = false

        init(_ body: @escaping (Connection) throws -> Void) { self.body = body }

        /// Marks a write that never ran as failed with `error`.
        func fail(_ error: any Error) {
            self.error = error
            body = nil
        }

        /// Runs the body (nothing when already failed) and keeps what it threw.
        fileprivate func run(on connection: Connection, inSavepoint: Bool) {
            guard let body else { return }
            self.body = nil
            do {
                if inSavepoint {
                    try connection.savepoint { connection in
                        try body(connection)
                        // What COMMIT would refuse must fail this write only, not its whole group.
                        try connection.checkDeferredForeignKeys()
                    }
                } else {
                    try connection.write(body)
                }
            } catch {
                self.error = error
            }
        }
    }

    private let condition = NSCondition()
    private var waiting: [Entry] = []
    private var leading = false
    private var groupsRun = 0
    private var writesRun = 0

    /// Groups committed so far and the writes they held (diagnostics and tests).
    var counts: (groups: Int, writes: Int) { condition.withLock { (groupsRun, writesRun) } }

    /// Writes waiting for the next group (tests).
    var waitingCount: Int { condition.withLock { waiting.count } }

    /// Queues `entry` and returns once its group has committed or failed: the error of its own write, of a commit
    /// that failed, or of a transaction SQLite abandoned; nil when its changes are committed. `commit` runs a group
    /// on the writer (`run(_:on:)` inside the writer's lock) on the thread that leads it.
    func submit(_ entry: Entry, commit: ([Entry]) -> Void) -> (any Error)? {
        condition.lock()
        waiting.append(entry)
        while !entry.done {
            guard !leading else {
                condition.wait()
                continue
            }
            leading = true
            let group = waiting
            waiting.removeAll(keepingCapacity: true)
            condition.unlock()
            commit(group)
            condition.lock()
            for member in group { member.done = true }
            groupsRun += 1
            writesRun += group.count
            leading = false
            condition.broadcast()
        }
        condition.unlock()
        return entry.error
    }

    /// Runs `group` on `writer` in one transaction, recording each write's outcome. When SQLite abandons the
    /// transaction midway (it rolls back by itself after `SQLITE_FULL` or an I/O error), the writes before lost their
    /// changes and are told so; the rest go on in a new transaction.
    static func run(_ group: [Entry], on writer: Connection) {
        // Alone, a write is its own transaction, without the savepoint's journal.
        if group.count == 1 {
            group[0].run(on: writer, inSavepoint: false)
            return
        }
        var rest = group[...]
        while !rest.isEmpty {
            do {
                try writer.execute("BEGIN IMMEDIATE")
            } catch {
                for entry in rest { entry.fail(error) }
                return
            }
            var ran: [Entry] = []
            var abandoned: (any Error)?
            while let entry = rest.popFirst() {
                entry.run(on: writer, inSavepoint: true)
                ran.append(entry)
                if !writer.isInTransaction {
                    abandoned = entry.error ?? SQLiteError(code: SQLITE_ABORT, message: "the transaction was rolled back")
                    break
                }
            }
            if let abandoned {
                for entry in ran where entry.error == nil { entry.error = abandoned }
                continue
            }
            do {
                try writer.execute("COMMIT")
            } catch {
                if writer.isInTransaction { _ = try? writer.execute("ROLLBACK") }
                for entry in ran where entry.error == nil { entry.error = error }
            }
        }
    }
}
