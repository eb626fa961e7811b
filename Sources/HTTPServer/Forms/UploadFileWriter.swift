import Glibc

/// Writes one uploaded file to a new, randomly named file (32 hex digits + `.upload`) in a directory,
/// created exclusively with mode 0600. Small writes are buffered to spare system calls.
final class UploadFileWriter {
    let path: String
    private var descriptor: Int32
    private var pending: [UInt8] = []
    private static let flushThreshold = 64 * 1024

    init(directory: String) throws(FormError) {
        for _ in 0..<8 {
            let candidate = (directory.hasSuffix("/") ? directory : directory + "/") + Self.randomName()
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                path = candidate
                descriptor = fd
                return
            }
            // EEXIST is astronomically unlikely with 128 random bits, but try another name if it happens.
            if errno != EEXIST { break }
        }
        throw FormError(.storage, "Berkas unggahan tidak dapat disimpan di server.")
    }

    static func randomName() -> String {
        var generator = SystemRandomNumberGenerator()
        var name = ""
        for _ in 0..<2 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            name += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return name + ".upload"
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(FormError) {
        if pending.count + bytes.count < Self.flushThreshold {
            pending.append(contentsOf: bytes)
            return
        }
        try flush()
        try writeAll(bytes)
    }

    /// Flushes and closes the descriptor; the file stays.
    func close() throws(FormError) {
        guard descriptor >= 0 else { return }
        defer {
            _ = Glibc.close(descriptor)
            descriptor = -1
        }
        try flush()
    }

    /// Closes (without flushing) and deletes the file.
    func remove() {
        if descriptor >= 0 {
            _ = Glibc.close(descriptor)
            descriptor = -1
        }
        pending = []
        _ = unlink(path)
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    private func flush() throws(FormError) {
        guard !pending.isEmpty else { return }
        let data = pending
        pending.removeAll(keepingCapacity: true)
        var failure: FormError?
        data.withUnsafeBytes { raw in
            do throws(FormError) { try writeAll(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(FormError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FormError(.storage, "Berkas unggahan tidak dapat disimpan di server.")
            }
            offset += written
        }
    }
}
