/// One choice of a select: the value sent and the text shown.
struct SelectOption: Equatable {
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
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        let describedBy: HTML = (described.isEmpty ? .empty : " aria-describedby=\"\(described)\"")
            + (error == nil ? .empty : " aria-invalid=\"true\"")
        let options = groups.map { group -> HTML in
            let items = group.options.map { option -> HTML in
                let mark: HTML = option.value == selected ? " selected" : .empty
                return "<option value=\"\(option.value)\"\(mark)>\(option.text)</option>"
            }
            guard let groupLabel = group.label else { return HTML.join(items) }
            return "<optgroup label=\"\(groupLabel)\">\(items)</optgroup>"
        }
        let focus: HTML = autofocus ? " autofocus" : .empty
        return """
            <div class="field\(error == nil ? "" : " has-error")">
            <label for="\(name)">\(label)</label>
            \(hintHTML)\(errorHTML)
            <select id="\(name)" name="\(name)"\(describedBy)\(focus)>
            <option value="">\(placeholder)</option>
            \(options)
            </select>
            </div>
            """
    }
}
