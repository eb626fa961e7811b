import Musrenbang

/// What one decision applied to several ticked proposals came to, each in its own transaction: the codes done, those
/// changed since the list was read (their version moved), and those refused with the rule in words. The flash names
/// all three, so nothing is left half-applied without being said.
struct BulkOutcome {
    /// One proposal's result, when the caller decides it before asking the engine.
    enum Step {
        case done
        case changed
        case refused(String)
    }

    private(set) var done: [String] = []
    private(set) var changed: [String] = []
    private(set) var refused: [String] = []
    /// What a proposal the actor may not see is called (it is "not found" whatever its version).
    let notFound: String

    init(notFound: String) { self.notFound = notFound }

    /// Runs `step` for `code` and files its result: a stale version is "changed", a domain refusal is "refused" with
    /// its rule, a proposal out of the actor's reach is `notFound`; any other error (the database) is thrown.
    mutating func record(_ code: TrackingCode, _ step: () throws -> Step) throws {
        let text = code.description
        do {
            switch try step() {
            case .done: done.append(text)
            case .changed: changed.append(text)
            case .refused(let rule): refused.append("\(text): \(rule)")
            }
        } catch DomainError.staleVersion {
            changed.append(text)
        } catch let error as DomainError where error != .notInScope {
            refused.append("\(text): \(error.message)")
        } catch DomainError.notInScope, PersistenceError.notFound {
            refused.append("\(text): \(notFound)")
        }
    }

    /// The flash after the action; `verb` says what was done ("diterima", "disetujui").
    func flash(verb: String) -> String {
        var parts: [String] = []
        if !done.isEmpty { parts.append("\(done.count) usulan \(verb): \(done.joined(separator: ", ")).") }
        if !changed.isEmpty {
            parts.append("\(changed.count) usulan tidak diubah karena sudah berubah sejak daftar dimuat: \(changed.joined(separator: ", ")). Periksa lagi.")
        }
        if !refused.isEmpty { parts.append("Tidak dapat dilakukan untuk " + refused.joined(separator: " ")) }
        return parts.joined(separator: " ")
    }
}
