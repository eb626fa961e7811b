/// One choice of a select: the value sent and the text shown.
struct SelectOption: Hashable {
    let value: String
    let text: String
}

/// Choices shown together, under an `<optgroup>` when they have a label.
struct SelectGroup: Equatable {
    let label: String?
    let options: [SelectOption]
}

extension FormViews {
    /// A labelled select with an empty first choice (`placeholder`); `error` marks it and says what to fix; `autofocus`
    /// puts the cursor on it (a list that has just appeared after a "Lanjut").
    static func select(_ name: String, label: String, placeholder: String, groups: [SelectGroup], selected: String?,
                       error: String?, hint: String? = nil, autofocus: Bool = false) -> HTML {
        let frame = FieldFrame(name: name, label: label, hint: hint, error: error)
        let options = groups.map { group -> HTML in
            let items = group.options.map { option -> HTML in
                let mark: HTML = option.value == selected ? " selected" : .empty
                return "<option value=\"\(option.value)\"\(mark)>\(option.text)</option>"
            }
            guard let groupLabel = group.label else { return HTML.join(items) }
            return "<optgroup label=\"\(groupLabel)\">\(items)</optgroup>"
        }
        let focus: HTML = autofocus ? " autofocus" : .empty
        return frame.wrap("""
            <select id="\(name)" name="\(name)"\(frame.controlAttributes)\(focus)>
            <option value="">\(placeholder)</option>
            \(options)
            </select>
            """)
    }
}
