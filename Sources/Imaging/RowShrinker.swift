/// The box filter of `Downscaler` for an image that arrives one row at a time: it holds the sums of one destination
/// row only, so shrinking a 40-megapixel PNG needs a few rows of memory instead of the whole image.
struct RowShrinker {
    let source: PhotoSize
    let target: PhotoSize
    /// The destination column of each source column.
    private let columnOf: [Int]
    /// How many source columns each destination column averages.
    private let columnWidth: [Int]
    /// The sums of the destination row being filled (R, G, B per destination column).
    private var sums: [Int]
    private var out: [UInt8]
    /// The source rows seen so far, and the destination row they fall in.
    private var rowsSeen = 0
    private var destinationRow = 0

    /// `target` must not be larger than `source` on either side.
    init(from source: PhotoSize, to target: PhotoSize) {
        self.source = source
        self.target = target
        var columnOf = [Int](repeating: 0, count: source.width)
        var columnWidth = [Int](repeating: 0, count: target.width)
        for dx in 0..<target.width {
            let x0 = dx * source.width / target.width, x1 = max(x0 + 1, (dx + 1) * source.width / target.width)
            for x in x0..<x1 { columnOf[x] = dx }
            columnWidth[dx] = x1 - x0
        }
        self.columnOf = columnOf
        self.columnWidth = columnWidth
        sums = [Int](repeating: 0, count: target.width * 3)
        out = [UInt8](repeating: 0, count: target.width * target.height * 3)
    }

    /// The source rows of destination row `dy` (the same bands as `Downscaler`).
    private func band(_ dy: Int) -> Range<Int> {
        let y0 = dy * source.height / target.height
        return y0..<max(y0 + 1, (dy + 1) * source.height / target.height)
    }

    /// Adds the next source row, RGBA with straight alpha (`source.width * 4` bytes), composited on white.
    mutating func addRGBA(_ row: UnsafeBufferPointer<UInt8>) {
        guard rowsSeen < source.height else { return }
        sums.withUnsafeMutableBufferPointer { sums in
            columnOf.withUnsafeBufferPointer { columnOf in
                for x in 0..<source.width {
                    let alpha = Int(row[x * 4 + 3]), to = columnOf[x] * 3
                    // Most photos are opaque: no compositing (and no division) for them.
                    if alpha == 255 {
                        sums[to] += Int(row[x * 4]); sums[to + 1] += Int(row[x * 4 + 1]); sums[to + 2] += Int(row[x * 4 + 2])
                        continue
                    }
                    let white = 255 * (255 - alpha)
                    sums[to] += (Int(row[x * 4]) * alpha + white + 127) / 255
                    sums[to + 1] += (Int(row[x * 4 + 1]) * alpha + white + 127) / 255
                    sums[to + 2] += (Int(row[x * 4 + 2]) * alpha + white + 127) / 255
                }
            }
        }
        rowsSeen += 1
        let rows = band(destinationRow)
        if rowsSeen == rows.upperBound {
            for dx in 0..<target.width {
                let count = rows.count * columnWidth[dx], at = dx * 3, to = (destinationRow * target.width + dx) * 3
                for channel in 0..<3 { out[to + channel] = UInt8((sums[at + channel] + count / 2) / count) }
            }
            for index in sums.indices { sums[index] = 0 }
            destinationRow += 1
        }
    }

    /// The shrunk image, once every source row has been added.
    var image: RGBImage? {
        rowsSeen == source.height ? RGBImage(width: target.width, height: target.height, pixels: out) : nil
    }
}
