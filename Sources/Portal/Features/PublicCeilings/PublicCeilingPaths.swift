/// The public ceiling page; Bappeda prepares the ceilings at `CeilingPaths.settings`.
enum PublicCeilingPaths {
    static let page = "/pagu"
}
