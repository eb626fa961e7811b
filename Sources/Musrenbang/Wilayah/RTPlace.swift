/// An RT as the engine reads it for a proposer correction: its full origin from the stored wilayah and its words.
public struct RTPlace: Hashable, Sendable {
    public var origin: Origin
    /// "RT 03/RW 01", the words a timeline shows.
    public var label: String

    public init(origin: Origin, rtNumber: Int, rwNumber: Int) {
        self.origin = origin
        label = "RT \(PublicLabel.number(rtNumber))/RW \(PublicLabel.number(rwNumber))"
    }
}
