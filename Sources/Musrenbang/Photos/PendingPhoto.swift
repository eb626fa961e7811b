import Foundation

/// A photo uploaded with a proposal form not saved yet, without its bytes; attached when the form is saved.
public struct PendingPhoto: Hashable, Sendable {
    public var id: PendingPhotoID
    public var smallWidth: Int
    public var smallHeight: Int

    public init(id: PendingPhotoID, smallWidth: Int, smallHeight: Int) {
        self.id = id; self.smallWidth = smallWidth; self.smallHeight = smallHeight
    }
}

public typealias PendingPhotoID = Identifier<PendingPhoto>
