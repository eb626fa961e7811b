/// `musrenbang help [COMMAND]`: lists the subcommands or shows one's usage.
enum HelpCommand: Command {
    static let name = "help"
    static let summary = "list the commands, or show one command's options"
    static let usage = "musrenbang help [COMMAND]"

    static func run(_ options: Options) throws {
        if let wanted = options.positional.first {
            guard let command = allCommands.first(where: { $0.name == wanted }) else {
                throw UsageError("unknown command '\(wanted)'")
            }
            print(command.usage)
            return
        }
        print("musrenbang: e-Musrenbang, the participatory planning portal\n")
        print("Commands:")
        // Pad to the longest name so that no name is cut short.
        let listed = allCommands.filter { !$0.isHidden }
        let width = max(12, (listed.map { $0.name.count }.max() ?? 0) + 2)
        for command in listed {
            print("  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0) + command.summary)
        }
        print("\nRun 'musrenbang help COMMAND' for a command's options.")
    }
}
