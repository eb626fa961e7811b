/// A simple, sane check of an e-mail address: one `@`, something before it, a domain with a dot and no empty label,
/// no spaces, at most 254 characters. (Whether it receives mail only a message can tell.)
public enum EmailAddress {
    /// Does `text` look like an e-mail address?
    public static func isPlausible(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace || $0.isNewline || "<>(),;:\"[]\\".contains($0) }) else {
            return false
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else { return false }
        let topLevel = labels[labels.count - 1]
        return topLevel.count >= 2 && topLevel.allSatisfy(\.isLetter)
    }
}
