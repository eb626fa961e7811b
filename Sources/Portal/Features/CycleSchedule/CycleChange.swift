import Foundation
import Musrenbang

/// One admin-log row of a cycle in words: when, who, what was done, each stage window that changed (before and
/// after, in WIB) and the reason.
struct CycleChange: Equatable {
    let at: Date
    let actorName: String
    let action: String
    let changes: [String]
    let reason: String?

    init(_ entry: AdminLogEntry, actorName: String) {
        at = entry.at
        self.actorName = actorName
        action = switch entry.action {
        case .create: "Siklus dibuat"
        case .update: "Jadwal diubah"
        default: entry.action.rawValue
        }
        reason = entry.reason
        let before = Self.windows(entry.before), after = Self.windows(entry.after)
        changes = Stage.allCases.compactMap { stage in
            let old = before[stage], new = after[stage]
            guard old != new else { return nil }
            let name = stage.displayName
            switch (old, new) {
            case (nil, let new?): return "\(name): \(Self.text(new.opens)) - \(Self.text(new.closes))"
            case (let old?, let new?) where old.opens == new.opens: return "\(name): tutup \(Self.text(old.closes)) menjadi \(Self.text(new.closes))"
            case (let old?, let new?):
                return "\(name): \(Self.text(old.opens)) - \(Self.text(old.closes)) menjadi \(Self.text(new.opens)) - \(Self.text(new.closes))"
            case (let old?, nil): return "\(name): jadwal \(Self.text(old.opens)) - \(Self.text(old.closes)) dihapus"
            case (nil, nil): return nil
            }
        }
    }

    private struct Window: Equatable { let opens: String; let closes: String }

    /// The windows of a cycle snapshot (`windows` -> stage -> `opens_at`, `closes_at`, ISO-8601 UTC).
    private static func windows(_ snapshot: AdminSnapshot?) -> [Stage: Window] {
        guard case .object(let windows)? = snapshot?["windows"] else { return [:] }
        var result: [Stage: Window] = [:]
        for (key, value) in windows {
            guard let stage = Stage(rawValue: key), case .object(let fields) = value,
                  case .text(let opens)? = fields["opens_at"], case .text(let closes)? = fields["closes_at"] else { continue }
            result[stage] = Window(opens: opens, closes: closes)
        }
        return result
    }

    /// A stored instant in WIB words; the stored text itself when it does not parse.
    private static func text(_ iso: String) -> String { WIBTime.parseISO8601(iso).map(WIBTime.format) ?? iso }
}
