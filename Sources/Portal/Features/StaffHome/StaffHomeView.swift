import Musrenbang

/// The staff home: the role's tasks as cards, each a link with how many proposals wait there.
enum StaffHomeView {
    static func render(roleLabel: String, cycle: Cycle?, tasks: [StaffTask]) -> HTML {
        let cards = tasks.map { task -> HTML in
            let count: HTML = task.waiting.map { "<p class=\"cost\"><strong>\($0)</strong> \(task.waitingText)</p>" } ?? .empty
            return """
                <li><h3><a href="\(task.path)">\(task.title)</a></h3><p>\(task.summary)</p>\(count)</li>
                """
        }
        let list: HTML = tasks.isEmpty
            ? "<p class=\"empty\">Belum ada daftar kerja untuk peran ini di portal.</p>"
            : "<ul class=\"cards\">\(cards)</ul>"
        let cycleLine: HTML = cycle.map { "<p>Siklus berjalan: <strong>\($0.name)</strong>.</p>" } ?? "<p>Belum ada siklus perencanaan yang dibuka.</p>"
        return """
            <h1>Halaman kerja</h1>
            <p class="lead">Tugas Anda sebagai \(roleLabel).</p>
            \(cycleLine)
            \(list)
            """
    }
}
