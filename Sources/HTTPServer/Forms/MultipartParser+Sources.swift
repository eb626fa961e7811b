import Glibc

extension MultipartParser {
    /// Default chunk size when reading a spooled body from disk.
    public static let fileChunkSize = 64 * 1024

    /// Parses a whole in-memory body.
    public static func parse<Bytes: Collection>(
        _ bytes: Bytes, boundary: String, limits: FormLimits = FormLimits(), uploadDirectory: String
    ) throws(FormError) -> FormData where Bytes.Element == UInt8 {
        let parser = try MultipartParser(boundary: boundary, limits: limits, uploadDirectory: uploadDirectory)
        try parser.feed(bytes)
        return try parser.finish()
    }

    /// Parses a body the server spooled to a file, reading `chunkSize` bytes at a time so memory stays
    /// bounded whatever the body's size.
    public static func parse(
        contentsOfFile path: String, boundary: String, limits: FormLimits = FormLimits(),
        uploadDirectory: String, chunkSize: Int = fileChunkSize
    ) throws(FormError) -> FormData {
        let parser = try MultipartParser(boundary: boundary, limits: limits, uploadDirectory: uploadDirectory)
        try readChunks(ofFile: path, chunkSize: chunkSize) { chunk throws(FormError) in try parser.feed(chunk) }
        return try parser.finish()
    }

    /// Calls `body` with successive chunks of the file at `path`.
    static func readChunks(
        ofFile path: String, chunkSize: Int, _ body: (UnsafeRawBufferPointer) throws(FormError) -> Void
    ) throws(FormError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FormError(.storage, "Isi formulir tidak dapat dibaca di server.") }
        defer { close(descriptor) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, chunkSize), alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = read(descriptor, chunk.baseAddress, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw FormError(.storage, "Isi formulir tidak dapat dibaca di server.")
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }
}
