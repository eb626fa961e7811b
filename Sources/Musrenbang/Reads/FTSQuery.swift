/// A user's search text turned into a safe SQLite FTS5 expression: every word (a run of letters and digits) is
/// a quoted phrase, the last one a prefix match (`"jalan" "kena"*`), all of them required. No FTS5 syntax
/// (operators, columns, parentheses, quotes) from the user survives. The expression is bound, never spliced.
public struct FTSQuery: Hashable, Sendable {
    /// The words searched for, at most `maxWords`, each at most `maxWordLength` characters.
    public let words: [String]
    /// The FTS5 expression for `MATCH ?`.
    public var expression: String {
        words.enumerated().map { index, word in
            "\"" + word + "\"" + (index == words.count - 1 ? "*" : "")
        }.joined(separator: " ")
    }

    public static let maxWords = 8
    public static let maxWordLength = 40

    /// Nil when the text has no word (blank, or punctuation only).
    public init?(_ text: String) {
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(String(current.prefix(Self.maxWordLength))) }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber { current.append(character) } else { flush() }
        }
        flush()
        guard !words.isEmpty else { return nil }
        self.words = Array(words.prefix(Self.maxWords))
    }
}
