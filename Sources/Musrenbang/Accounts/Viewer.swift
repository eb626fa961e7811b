/// Who is reading: the public (no account) or a signed-in actor. Every portal read takes one and returns only
/// what it may see (`Visibility`).
public enum Viewer: Hashable, Sendable {
    case `public`
    case actor(Actor)

    /// The actor, or nil for the public.
    public var actor: Actor? {
        if case .actor(let actor) = self { return actor }
        return nil
    }
}
