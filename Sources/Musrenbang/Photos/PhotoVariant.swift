/// Which bytes of a proposal photo to read: the small JPEG shown in pages, or the original as uploaded.
public enum PhotoVariant: Hashable, Sendable {
    case small, original
}
