/// Dimensions in pixels, and the size a photo is shrunk to.
struct PhotoSize: Equatable {
    let width: Int
    let height: Int

    /// This size scaled so that its longest side is at most `longestSide`, never enlarged, at least 1×1.
    func fitting(longestSide: Int) -> PhotoSize {
        let longest = max(width, height)
        guard longest > longestSide else { return self }
        let scale = Double(longestSide) / Double(longest)
        return PhotoSize(width: max(1, Int((Double(width) * scale).rounded())),
                         height: max(1, Int((Double(height) * scale).rounded())))
    }
}
