import Foundation

/// Hands an e-mail to a sendmail-compatible program (`/usr/sbin/sendmail`, msmtp, ssmtp...) as
/// `PROGRAM -i -t`: the message on standard input, the recipients read from its header. Exit status 0 is accepted;
/// anything else, or a program that cannot start, is a failure with its standard error as the reason.
public struct SendmailTransport: Sendable {
    public var program: String
    public var arguments: [String]

    public init(program: String = "/usr/sbin/sendmail", arguments: [String] = ["-i", "-t"]) {
        self.program = program; self.arguments = arguments
    }

    /// Why a message was not accepted.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func send(_ message: EmailMessage) throws {
        // A program that exits without reading its input must be an error of the write, not a SIGPIPE that ends us.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "\(program) tidak dapat dijalankan: \(error.localizedDescription)")
        }
        // Read standard error while writing, so that a chatty program cannot block on a full pipe.
        let collected = ErrorText()
        let reader = Thread { collected.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(message.rendered.utf8))
        } catch {
            // The program exited without reading everything: its exit status says why.
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        while !collected.done { usleep(1000) }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = collected.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let status = process.terminationReason == .exit ? "keluar dengan status \(process.terminationStatus)"
                                                            : "dihentikan sinyal \(process.terminationStatus)"
            throw Failure(description: "\(program) \(status)" + (text.isEmpty ? "" : ": \(text.prefix(500))"))
        }
    }

    /// The program's standard error, filled by the reader thread.
    private final class ErrorText: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        func set(_ value: Data) { lock.withLock { data = value } }
        var done: Bool { lock.withLock { data != nil } }
        var text: String { lock.withLock { String(decoding: data ?? Data(), as: UTF8.self) } }
    }
}
