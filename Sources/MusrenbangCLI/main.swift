import Foundation

// Entry point: `musrenbang COMMAND [OPTIONS]`.
var arguments = Array(CommandLine.arguments.dropFirst())
let commandName = arguments.isEmpty ? "help" : arguments.removeFirst()
guard let command = allCommands.first(where: { $0.name == commandName }) else {
    FileHandle.standardError.write(Data("musrenbang: unknown command '\(commandName)'; try 'musrenbang help'\n".utf8))
    exit(2)
}
do {
    try command.run(try Options(arguments: arguments))
} catch let error as UsageError {
    FileHandle.standardError.write(Data("musrenbang \(commandName): \(error)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("musrenbang \(commandName): \(error)\n".utf8))
    exit(1)
}
