/// The bytes of one variant of a proposal photo, with the media type to serve them as.
public struct PhotoBytes: Sendable {
    public let photo: ProposalPhoto
    public let mediaType: String
    public let bytes: [UInt8]
}
