import Musrenbang

/// The pieces every form uses: the error summary at the top ("Ada yang perlu diperbaiki", each error a link to
/// its field) and a text field with its label, hint, message and the value the person typed.
enum FormViews {
    static func errorSummary(_ errors: [FieldError]) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items = errors.map { error -> HTML in "<li><a href=\"#\(error.field)\">\(error.message)</a></li>" }
        return """
            <div class="error-summary" role="alert" tabindex="-1">
            <h2>Ada yang perlu diperbaiki</h2>
            <ul>\(items)</ul>
            </div>
            """
    }

    /// A labelled input; `error` marks it and says what to fix; `value` is what the person typed (kept on refusal).
    static func field(_ name: String, label: String, value: String = "", type: String = "text", hint: String? = nil,
                      error: String? = nil, autocomplete: String? = nil, required: Bool = true, inputMode: String? = nil,
                      autofocus: Bool = false) -> HTML {
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        let describedBy: HTML = described.isEmpty ? .empty : " aria-describedby=\"\(described)\""
        let invalid: HTML = error == nil ? .empty : " aria-invalid=\"true\""
        let auto: HTML = autocomplete.map { " autocomplete=\"\($0)\"" } ?? .empty
        let requiredHTML: HTML = required ? " required" : .empty
        let mode: HTML = inputMode.map { " inputmode=\"\($0)\"" } ?? .empty
        let focus: HTML = autofocus ? " autofocus" : .empty
        return """
            <div class="field\(error == nil ? "" : " has-error")">
            <label for="\(name)">\(label)</label>
            \(hintHTML)\(errorHTML)
            <input id="\(name)" name="\(name)" type="\(type)" value="\(value)"\(describedBy)\(invalid)\(auto)\(requiredHTML)\(mode)\(focus)>
            </div>
            """
    }

    /// A labelled multi-line field.
    static func textarea(_ name: String, label: String, value: String, hint: String? = nil, error: String? = nil,
                         rows: Int = 4, required: Bool = true, autofocus: Bool = false) -> HTML {
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        let describedBy: HTML = described.isEmpty ? .empty : " aria-describedby=\"\(described)\""
        let flags: HTML = (error == nil ? "" : " aria-invalid=\"true\"") + (required ? " required" : "") + (autofocus ? " autofocus" : "")
        return """
            <div class="field\(error == nil ? "" : " has-error")">
            <label for="\(name)">\(label)</label>
            \(hintHTML)\(errorHTML)
            <textarea id="\(name)" name="\(name)" rows="\(rows)"\(describedBy)\(flags)>\(value)</textarea>
            </div>
            """
    }

    /// The hidden CSRF field of every form.
    static func csrf(_ token: String) -> HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\">" }
}
