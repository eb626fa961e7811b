import Musrenbang

/// Where a routed F2 proposal goes: the OPD of its kamus item, an OPD the meeting chose, the Pokir DPRD, or nowhere
/// (rejected with a reason). Its form value: `kamus`, `opd-<id>`, `pokir`, `tolak`.
enum RouteTarget: Hashable {
    case kamusOPD
    case opd(OPDID)
    case pokir
    case tolak

    init?(_ text: String?, opds: [OPD]) {
        switch text {
        case "kamus": self = .kamusOPD
        case "pokir": self = .pokir
        case "tolak": self = .tolak
        case let text? where text.hasPrefix("opd-"):
            guard let raw = Int64(text.dropFirst(4)), let opd = opds.first(where: { $0.id.rawValue == raw }) else { return nil }
            self = .opd(opd.id)
        default: return nil
        }
    }

    var value: String {
        switch self {
        case .kamusOPD: "kamus"
        case .opd(let id): "opd-\(id.rawValue)"
        case .pokir: "pokir"
        case .tolak: "tolak"
        }
    }

    var needsReason: Bool { self == .tolak }

    /// The engine's input for this target at `version`.
    func input(version: Int64, reason: String) -> TransitionInput {
        let note = reason.isEmpty ? nil : reason
        return switch self {
        case .kamusOPD: TransitionInput(.rutekanOPD, expectedVersion: version, reason: note)
        case .opd(let id): TransitionInput(.rutekanOPD, expectedVersion: version, reason: note, routeTo: id)
        case .pokir: TransitionInput(.rutekanPokir, expectedVersion: version, reason: note)
        case .tolak: TransitionInput(.tolak, expectedVersion: version, reason: note)
        }
    }

    /// "diteruskan ke DPUPR", "dialihkan ke Pokir DPRD", "ditolak" (after "Usulan X ...").
    func done(opds: [OPD], kamusOPD: OPDID? = nil) -> String {
        func name(_ id: OPDID?) -> String { opds.first { $0.id == id }?.shortName ?? "perangkat daerah" }
        return switch self {
        case .kamusOPD: kamusOPD.map { "diteruskan ke \(name($0))" } ?? "diteruskan ke perangkat daerah sesuai kamus usulannya"
        case .opd(let id): "diteruskan ke \(name(id))"
        case .pokir: "dialihkan ke Pokir DPRD"
        case .tolak: "ditolak"
        }
    }

    /// The choices of the target select: the kamus item's OPD (bulk only), each OPD, Pokir DPRD, reject.
    static func options(opds: [OPD], includeKamus: Bool) -> [SelectGroup] {
        var first: [SelectOption] = []
        if includeKamus { first.append(SelectOption(value: "kamus", text: "Perangkat daerah sesuai kamus usulan (masing-masing)")) }
        first += [SelectOption(value: "pokir", text: "Pokir DPRD"), SelectOption(value: "tolak", text: "Tolak (isi alasannya)")]
        return [SelectGroup(label: nil, options: first),
                SelectGroup(label: "Perangkat daerah", options: opds.map { SelectOption(value: "opd-\($0.id.rawValue)", text: "\($0.shortName) – \($0.name)") })]
    }
}
