import Foundation
import Testing

/// The one stylesheet's shape. A merge once left a selector line without its block: browsers read the rest as a nested
/// rule, the form fields lost their styles, and phones laid the proposal form out so that its buttons were missed.
@Suite("Public/css/site.css: rules closed, none inside another")
struct StylesheetTests {
    static let stylesheet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Public/css/site.css")

    /// Every `{` of a style rule found inside another style rule (only at-rules such as @media hold rules), and
    /// whether the braces balance. Comments are skipped.
    static func problems(in css: String) -> [String] {
        var problems: [String] = []
        var stack: [Bool] = []  // per open block: is it an at-rule's?
        var prelude = ""
        var line = 1
        var index = css.startIndex
        while index < css.endIndex {
            let character = css[index]
            if css[index...].hasPrefix("/*") {
                guard let end = css.range(of: "*/", range: css.index(index, offsetBy: 2)..<css.endIndex) else {
                    return problems + ["line \(line): a comment is never closed"]
                }
                line += css[index..<end.upperBound].filter { $0 == "\n" }.count
                index = end.upperBound
                continue
            }
            switch character {
            case "{":
                let head = prelude.trimmingCharacters(in: .whitespacesAndNewlines)
                if let inside = stack.last, !inside {
                    problems.append("line \(line): \"\(head.prefix(60))\" opens a rule inside another rule")
                }
                stack.append(head.hasPrefix("@"))
                prelude = ""
            case "}":
                if stack.popLast() == nil { problems.append("line \(line): a } closes nothing") }
                prelude = ""
            case ";":
                prelude = ""
            default:
                if character == "\n" { line += 1 }
                prelude.append(character)
            }
            index = css.index(after: index)
        }
        if !stack.isEmpty { problems.append("\(stack.count) block(s) never closed") }
        return problems
    }

    @Test func everyRuleIsClosedAndNoneNests() throws {
        let css = try String(contentsOf: Self.stylesheet, encoding: .utf8)
        #expect(Self.problems(in: css) == [])
    }

    @Test func theCheckFindsASelectorLeftWithoutItsBlock() {
        let broken = """
            input[type=text], select {
            input[type=text], input[type=search], select {
              width: 100%; }
            @media print { .a { color: red; } }
            """
        #expect(Self.problems(in: broken).first?.hasPrefix("line 2:") == true)
        #expect(Self.problems(in: broken).contains("1 block(s) never closed"))
        #expect(Self.problems(in: "@media (min-width: 40rem) { .a { color: red; } }\n/* { */ .b { color: blue; }") == [])
    }
}
