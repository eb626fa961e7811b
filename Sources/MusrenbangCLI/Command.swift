/// A subcommand of `musrenbang`, e.g. `serve` or `migrate`.
protocol Command: Sendable {
    static var name: String { get }
    /// One line for `musrenbang help`.
    static var summary: String { get }
    /// Usage text: the options this command takes.
    static var usage: String { get }
    static func run(_ options: Options) throws
    /// Hidden commands (tools for tests) work but are not listed by `help`.
    static var isHidden: Bool { get }
}

extension Command {
    static var isHidden: Bool { false }
}

/// Every subcommand, in the order `help` lists them.
let allCommands: [any Command.Type] = [
    HelpCommand.self,
    ServeCommand.self,
    MigrateCommand.self,
    BackupCommand.self,
    CheckCommand.self,
    SeedDemoCommand.self,
    UserCommand.self,
    OutboxCommand.self,
    StorageCrashWriterCommand.self,
]

/// A failure the user can fix; printed without a stack trace, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
