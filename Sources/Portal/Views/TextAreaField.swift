extension FormViews {
    /// A labelled multi-line text field; `error` marks it and says what to fix; `value` is what the person typed.
    static func textArea(_ name: String, label: String, value: String = "", hint: String? = nil, error: String? = nil,
                         rows: Int = 4, required: Bool = true) -> HTML {
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        let describedBy: HTML = described.isEmpty ? .empty : " aria-describedby=\"\(described)\""
        let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\""
        let requiredHTML: HTML = required ? " required" : .empty
        return """
            <div class="field\(error == nil ? "" : " has-error")">
            <label for="\(name)">\(label)</label>
            \(hintHTML)\(errorHTML)
            <textarea id="\(name)" name="\(name)" rows="\(rows)"\(describedBy)\(invalid)\(requiredHTML)>\(value)</textarea>
            </div>
            """
    }
}
