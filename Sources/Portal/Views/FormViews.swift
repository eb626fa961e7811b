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
        let frame = FieldFrame(name: name, label: label, hint: hint, error: error)
        let auto: HTML = autocomplete.map { " autocomplete=\"\($0)\"" } ?? .empty
        let mode: HTML = inputMode.map { " inputmode=\"\($0)\"" } ?? .empty
        let flags: HTML = (required ? " required" : .empty) + (autofocus ? " autofocus" : .empty)
        return frame.wrap("""
            <input id="\(name)" name="\(name)" type="\(type)" value="\(value)"\(frame.controlAttributes)\(auto)\(flags)\(mode)>
            """)
    }

    /// A list row's checkbox in a several-at-once form (value "KODE@versi"), named "Pilih KODE" by the label wrapped
    /// around it: a separate `for` label that is only visually hidden counts as hidden to axe-core.
    static func pickCell(code: String, version: Int64, checked: Bool) -> HTML {
        let tick: HTML = checked ? " checked" : .empty
        return """
            <td class="pick"><label><input type="checkbox" id="pilih-\(code)" name="pilih" value="\(code)@\(version)"\(tick)><span class="visually-hidden">Pilih \(code)</span></label></td>
            """
    }

    /// The box around a list's checkboxes (the target of "pick at least one" errors), a named group as screen readers
    /// and axe-core want checkboxes that share a name.
    static func pickGroup(error: String?, _ table: HTML) -> HTML {
        let message: HTML = error.map { "<p class=\"field-error\" id=\"pilih-semua-error\">\($0)</p>" } ?? .empty
        return """
            <div id="pilih-semua" role="group" aria-label="Usulan yang dapat dicentang" class="\(error == nil ? "" : "has-error")" tabindex="-1">\(message)\(table)</div>
            """
    }

    /// The hidden CSRF field of every form.
    static func csrf(_ token: String) -> HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\">" }
}
