/// A labelled file input with its hint and message (the upload's own field; files are checked by their bytes).
enum FileFieldView {
    static func render(_ name: String, label: String, hint: String? = nil, accept: String, error: String?) -> HTML {
        let frame = FieldFrame(name: name, label: label, hint: hint, error: error)
        return frame.wrap("""
            <input id="\(name)" name="\(name)" type="file" accept="\(accept)"\(frame.controlAttributes)>
            """)
    }
}
