import Foundation
import Musrenbang

/// The cycle Bappeda's setup pages work on (schedule, ceilings, criteria inputs, group shares): `?siklus=ID` in the
/// address, else the current cycle, so Bappeda can prepare next year's cycle (created at `/kerja/siklus/baru`) before
/// it opens. Every link, form action and redirect of those pages goes through `path(_:)`, so the choice stays in the
/// address across a save. An id that is no cycle is 404.
struct CycleChoice {
    let cycle: Cycle
    /// Every cycle, newest budget year first.
    let cycles: [Cycle]
    let current: Cycle

    static let field = "siklus"

    /// nil when there is no cycle at all.
    init?(_ context: RequestContext, service: MusrenbangService) throws {
        guard let current = try service.currentCycle() else { return nil }
        let cycles = try service.cycles()
        self.current = current
        self.cycles = cycles
        let raw = context.request.queryValue(Self.field) ?? ""
        if raw.isEmpty {
            cycle = current
        } else {
            guard let id = Int64(raw), let chosen = cycles.first(where: { $0.id.rawValue == id }) else { throw PortalError.notFound }
            cycle = chosen
        }
    }

    var isCurrent: Bool { cycle.id == current.id }

    /// `path` for the chosen cycle: unchanged for the current one, else with `siklus=ID` added to its query (before any
    /// `#fragment`).
    func path(_ path: String) -> String {
        guard !isCurrent else { return path }
        let (base, fragment) = path.firstIndex(of: "#").map { (String(path[..<$0]), String(path[$0...])) } ?? (path, "")
        return base + (base.contains("?") ? "&" : "?") + "\(Self.field)=\(cycle.id.rawValue)" + fragment
    }

    /// The picker (a GET form to `action`, so the choice is an address to share) with `keep` carried as hidden fields,
    /// and, for a cycle other than the current one, a notice saying which cycle the page changes.
    func picker(_ action: String, keep: [(name: String, value: String)] = []) -> HTML {
        let options = cycles.map { c in
            SelectOption(value: String(c.id.rawValue), text: c.name + (c.id == current.id ? " (berjalan)" : ""))
        }
        let hidden = keep.map { "<input type=\"hidden\" name=\"\($0.name)\" value=\"\($0.value)\">" as HTML }
        let notice: HTML = isCurrent ? .empty : """
            <p class="notice" role="status">Anda mengatur <strong>\(cycle.name)</strong>, bukan siklus berjalan (\(current.name)). \
            Perubahan di halaman ini berlaku untuk \(cycle.name).</p>
            """
        return """
            <form method="get" action="\(action)" class="cycle-picker">
            \(hidden)
            \(FormViews.select(Self.field, label: "Siklus yang diatur", placeholder: "Siklus berjalan: \(current.name)",
                               groups: [SelectGroup(label: nil, options: options)], selected: isCurrent ? "" : String(cycle.id.rawValue), error: nil))
            <p class="actions"><button type="submit" class="button secondary">Tampilkan siklus</button></p>
            </form>
            \(notice)
            """
    }
}
