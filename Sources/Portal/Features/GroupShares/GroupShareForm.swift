import HTTPServer
import Musrenbang

/// The group shares of a level as typed: per group its minimum (`min-<key>`) and maximum (`maks-<key>`) in percent,
/// blank for none; the version the table was read at (`versi`) and the reason (`alasan`, needed once a berita acara is
/// locked). The form reads each number; the engine checks the rules (0-100%, the minimums together at most 100%).
struct GroupShareForm {
    var texts: [String: String] = [:]
    var reason = ""
    var version = ""
    var errors: [FieldError] = []
    var shares: [GroupShare] = []

    static func field(_ bound: GroupShare.Bound, _ group: GroupShareBoard.Group) -> String {
        "\(bound == .minimum ? "min" : "maks")-\(group.key)"
    }

    init() {}

    init(_ form: FormData, board: GroupShareBoard) {
        reason = form["alasan"] ?? ""
        version = form["versi"] ?? ""
        for group in board.groups {
            for bound in [GroupShare.Bound.minimum, .maximum] {
                let name = Self.field(bound, group)
                let text = form[name] ?? ""
                texts[name] = text
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                guard let basisPoints = GroupSharePercent.basisPoints(text), basisPoints <= 10_000 else {
                    errors.append(FieldError(field: name, message: "\(group.name) \(bound == .minimum ? "minimal" : "maksimal"): tulis persen "
                                             + "antara 0 dan 100 dengan paling banyak dua angka desimal, misalnya 40 atau 12,5; kosongkan bila tidak ada."))
                    continue
                }
                shares.append(GroupShare(group: group.group, capBasisPoints: basisPoints, bound: bound))
            }
        }
    }

    var trimmedReason: String? {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// What the field shows: as typed after a refusal, else the stored share (blank when none).
    func value(_ bound: GroupShare.Bound, _ group: GroupShareBoard.Group, board: GroupShareBoard) -> String {
        if let typed = texts[Self.field(bound, group)] { return typed }
        return board.share(group.group, bound).map { GroupSharePercent.text($0.capBasisPoints) } ?? ""
    }

    func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
}
