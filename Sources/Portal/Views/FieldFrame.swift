/// What every labelled control shares: the wrapper (marked when refused), the label, the hint and the error message
/// above the control, and the attributes that tie them to it (`aria-describedby`, `aria-invalid`).
struct FieldFrame {
    let name: String
    let label: String
    let hint: String?
    let error: String?

    /// The attributes of the control: described by its hint and message, invalid when refused.
    var controlAttributes: HTML {
        let described = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        return (described.isEmpty ? .empty : " aria-describedby=\"\(described)\"") + (error == nil ? .empty : " aria-invalid=\"true\"")
    }

    /// The wrapper, label, hint and message around `control`.
    func wrap(_ control: HTML) -> HTML {
        let hintHTML: HTML = hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\($0)</p>" } ?? .empty
        let errorHTML: HTML = error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" } ?? .empty
        return """
            <div class="field\(error == nil ? "" : " has-error")">
            <label for="\(name)">\(label)</label>
            \(hintHTML)\(errorHTML)
            \(control)
            </div>
            """
    }
}
