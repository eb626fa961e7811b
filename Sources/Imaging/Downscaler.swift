/// Shrinks RGB pixels by averaging each destination pixel's source area (a box filter: no aliasing when shrinking).
enum Downscaler {
    /// `image` resized to `size`, which must not be larger on either side.
    static func shrink(_ image: RGBImage, to size: PhotoSize) -> RGBImage {
        if size.width == image.width && size.height == image.height { return image }
        let (sw, sh, dw, dh) = (image.width, image.height, size.width, size.height)
        var out = [UInt8](repeating: 0, count: dw * dh * 3)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for dy in 0..<dh {
                    let y0 = dy * sh / dh, y1 = max(y0 + 1, (dy + 1) * sh / dh)
                    for dx in 0..<dw {
                        let x0 = dx * sw / dw, x1 = max(x0 + 1, (dx + 1) * sw / dw)
                        var (r, g, b) = (0, 0, 0)
                        for y in y0..<y1 {
                            var i = (y * sw + x0) * 3
                            for _ in x0..<x1 {
                                r += Int(src[i]); g += Int(src[i + 1]); b += Int(src[i + 2])
                                i += 3
                            }
                        }
                        let count = (y1 - y0) * (x1 - x0), o = (dy * dw + dx) * 3
                        dst[o] = UInt8((r + count / 2) / count)
                        dst[o + 1] = UInt8((g + count / 2) / count)
                        dst[o + 2] = UInt8((b + count / 2) / count)
                    }
                }
            }
        }
        return RGBImage(width: dw, height: dh, pixels: out)
    }
}
