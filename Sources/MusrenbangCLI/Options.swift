import Foundation

/// Command-line options: `--name value`, `--name=value` and bare `--flag`.
/// A value missing from the command line is looked up in the environment as `MUSRENBANG_NAME`
/// (upper case, `-` becomes `_`), so `--db` falls back to `MUSRENBANG_DB`.
struct Options {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []
    let environment: [String: String]

    init(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.environment = environment
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                positional.append(argument)
                continue
            }
            let body = argument.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                values[String(body[..<equals])] = String(body[body.index(after: equals)...])
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                values[String(body)] = arguments[index]
                index += 1
            } else {
                flags.insert(String(body))
            }
        }
    }

    static func environmentName(_ name: String) -> String {
        "MUSRENBANG_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The option's value from the command line, else from the environment, else `nil`.
    func string(_ name: String) -> String? {
        values[name] ?? environment[Self.environmentName(name)]
    }

    func string(_ name: String, default fallback: String) -> String {
        string(name) ?? fallback
    }

    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text) else {
            throw UsageError("--\(name) expects a whole number, got '\(text)'")
        }
        return value
    }

    /// A bare `--flag` or an environment value of 1/true/yes.
    func flag(_ name: String) -> Bool {
        if flags.contains(name) { return true }
        guard let text = environment[Self.environmentName(name)]?.lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(text)
    }

    func required(_ name: String) throws -> String {
        guard let value = string(name), !value.isEmpty else {
            throw UsageError("missing --\(name) (or \(Self.environmentName(name)))")
        }
        return value
    }
}
