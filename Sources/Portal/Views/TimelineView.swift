import Musrenbang

/// A proposal's whole timeline, oldest first: when (WIB), who as a role, what was done, from which state to which
/// in words, and the note or reason given.
enum TimelineView {
    static func render(_ events: [PublicEvent]) -> HTML {
        guard !events.isEmpty else { return "<p>Belum ada catatan.</p>" }
        let items = events.map { event -> HTML in
            let note: HTML = event.note.map { "<p class=\"note\"><span class=\"label\">\(noteLabel(event.action)):</span> \($0)</p>" } ?? .empty
            let move: HTML = event.from == event.to
                ? "<p class=\"move\">\(StateWords.text(event.to))</p>"
                : "<p class=\"move\">\(StateWords.text(event.from)) <span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">menjadi</span> \(StateWords.text(event.to))</p>"
            return """
                <li>
                <p class="when"><time datetime="\(WIBTime.iso8601(event.at))">\(WIBTime.format(event.at))</time></p>
                <p class="what"><strong>\(event.actor)</strong>: \(ActionWords.past(event.action))</p>
                \(move)\(changes(event.changes))\(note)
                </li>
                """
        }
        return "<ol class=\"timeline\">\(items)</ol>"
    }

    /// "Alasan" for the actions that need one, else "Catatan".
    static func noteLabel(_ action: Action) -> String { action.requiresReason ? "Alasan" : "Catatan" }

    /// The fields a proposer's edit changed, in words ("Diubah: judul, volume"); a corrected proposer with the old and
    /// new values ("RT/RW pengusul: RT 02/RW 01 menjadi RT 03/RW 01"; the name's values only where the event carries them).
    private static func changes(_ changes: [FieldChange]) -> HTML {
        var names: [String] = []
        var proposer: [HTML] = []
        for change in changes {
            if let label = proposerFields[change.field], !change.old.isEmpty || !change.new.isEmpty {
                proposer.append("<p class=\"changes\">\(label): «\(change.old)» menjadi «\(change.new)»</p>")
            } else if let name = fieldNames[change.field], !names.contains(name) {
                names.append(name)
            }
        }
        let edited: HTML = names.isEmpty ? .empty : "<p class=\"changes\">Diubah: \(names.joined(separator: ", "))</p>"
        return HTML.join(proposer) + edited
    }

    /// The proposer's fields, shown with their values (a returned paper form's correction).
    private static let proposerFields: [String: String] = ["rt": "RT/RW pengusul", "proposer_name": "Nama pengusul"]

    private static let fieldNames: [String: String] = [
        "title": "judul", "problem": "permasalahan", "kamus": "jenis kegiatan", "volume": "volume", "cost": "biaya",
        "location": "lokasi", "latitude": "titik lokasi", "longitude": "titik lokasi", "beneficiaries": "jumlah penerima manfaat",
        "expected_output": "keluaran", "expected_outcome": "hasil", "proposer_name": "nama pengusul",
    ]
}
