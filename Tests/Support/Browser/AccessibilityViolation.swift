/// One axe-core rule a page breaks, with the elements that break it.
public struct AccessibilityViolation: Sendable, Equatable, CustomStringConvertible {
    /// How bad axe-core rates it, from the least: `minor`, `moderate`, `serious`, `critical`.
    public enum Impact: String, Sendable, Comparable, CaseIterable {
        case minor, moderate, serious, critical

        public static func < (lhs: Impact, rhs: Impact) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The rule's id (`color-contrast`, `label`, ...), which axe-core's documentation explains.
    public let rule: String
    public let impact: Impact
    /// The rule in a sentence.
    public let help: String
    /// A CSS selector for each element that breaks it.
    public let targets: [String]

    public init(rule: String, impact: Impact, help: String, targets: [String]) {
        self.rule = rule
        self.impact = impact
        self.help = help
        self.targets = targets
    }

    public var description: String {
        "\(rule) (\(impact.rawValue)): \(help) at \(targets.joined(separator: ", "))"
    }
}
