/// A delegate a meeting elects to argue its proposals at the next level. Their gender is recorded because women
/// must be represented among the delegates (domain.md "Delegasi").
public struct Delegate: Hashable, Sendable {
    public enum Gender: String, Hashable, Sendable, CaseIterable {
        case perempuan
        case lakiLaki = "laki_laki"

        /// "Perempuan", "Laki-laki".
        public var displayName: String {
            switch self {
            case .perempuan: "Perempuan"
            case .lakiLaki: "Laki-laki"
            }
        }
    }

    public var name: String
    public var gender: Gender

    public init(name: String, gender: Gender) { self.name = name; self.gender = gender }
}
