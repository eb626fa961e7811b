/// One level's recommended volume and cost with its note; signed by the level ("Lurah", "Camat"), not a person.
public struct PublicRecommendation: Hashable, Sendable {
    public var level: Level
    public var volume: Int64
    public var cost: Int64
    public var note: String
}
