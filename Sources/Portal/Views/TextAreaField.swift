extension FormViews {
    /// A labelled multi-line text field; `error` marks it and says what to fix; `value` is what the person typed.
    static func textArea(_ name: String, label: String, value: String = "", hint: String? = nil, error: String? = nil,
                         rows: Int = 4, required: Bool = true, autofocus: Bool = false) -> HTML {
        let frame = FieldFrame(name: name, label: label, hint: hint, error: error)
        let flags: HTML = (required ? " required" : .empty) + (autofocus ? " autofocus" : .empty)
        return frame.wrap("""
            <textarea id="\(name)" name="\(name)" rows="\(rows)"\(frame.controlAttributes)\(flags)>\(value)</textarea>
            """)
    }
}
