import Foundation
@testable import Storage

/// Runs `body` with a fresh directory under the system temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = (NSTemporaryDirectory() as NSString)
        .appendingPathComponent("storage-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// Runs `body` with a database file in a fresh temporary directory.
func withTemporaryDatabase<T>(
    configuration: Database.Configuration = Database.Configuration(), _ body: (Database, String) throws -> T
) throws -> T {
    try withTemporaryDirectory { directory throws in
        let database = try Database(
            path: (directory as NSString).appendingPathComponent("test.sqlite"), configuration: configuration)
        return try body(database, directory)
    }
}

/// Writes `files` (name to contents) into `directory`.
func writeFiles(_ files: [String: String], in directory: String) throws {
    for (name, contents) in files {
        try contents.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}

/// A value shared between test threads, guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withValue { $0 } }
}

/// Starts `count` threads running `body(index)` and waits for all of them; returns the errors they threw.
func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [String] {
    let errors = Locked<[String]>([])
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            do { try body(index) } catch { errors.withValue { $0.append("thread \(index): \(error)") } }
            group.leave()
        }
        thread.start()
    }
    group.wait()
    return errors.current
}
