import Glibc

/// A streaming push parser for `multipart/form-data` bodies (RFC 7578 over RFC 2046).
///
/// Feed it the body in chunks of any size with `feed(_:)`, then call `finish()` for the `FormData`.
/// Text fields are kept in memory (capped); parts with a `filename` are streamed to files with random
/// names in `uploadDirectory`. Memory stays bounded by the part header cap plus one delimiter's length
/// beyond the chunk being fed. On any error, on `cancel()` and if dropped unfinished, every file it
/// created is removed; after a successful `finish()` the caller owns the files (`FormData.removeFiles()`).
///
/// Not thread-safe: one body is parsed by one thread at a time.
public final class MultipartParser {
    private enum State {
        case preamble
        case afterDelimiter
        case headers
        case body
        case epilogue
        case failed(FormError)
        case finished
    }

    private let limits: FormLimits
    private let uploadDirectory: String
    /// CRLF "--" boundary: what ends every part.
    private let delimiter: [UInt8]
    private var state = State.preamble
    private var buffer: [UInt8]
    private var start = 0
    private var headerScan = 0
    private var totalBytes = 0
    private var partCount = 0
    /// The part being read, its file writer when it is a file, and its content so far.
    private var part: MultipartPartHeaders?
    private var writer: UploadFileWriter?
    private var partText: [UInt8] = []
    private var partSize = 0
    private var fields: [(name: String, value: String)] = []
    private var files: [UploadedFile] = []

    /// Checks the boundary (1 to 70 visible ASCII characters or spaces, not ending in a space; RFC 2046
    /// section 5.1.1, relaxed on which visible characters) and prepares to parse.
    public init(boundary: String, limits: FormLimits = FormLimits(), uploadDirectory: String) throws(FormError) {
        let bytes = Array(boundary.utf8)
        guard Self.isValidBoundary(bytes) else {
            throw FormError(.missingBoundary, "Formulir tidak valid: batas (boundary) multipart tidak ada atau rusak.")
        }
        self.limits = limits
        self.uploadDirectory = uploadDirectory
        delimiter = Array("\r\n--".utf8) + bytes
        // A virtual CRLF lets the first delimiter, which may open the body without one, match like the others.
        buffer = Array("\r\n".utf8)
    }

    static func isValidBoundary(_ bytes: [UInt8]) -> Bool {
        (1...70).contains(bytes.count) && bytes.last != UInt8(ascii: " ")
            && bytes.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// Parses the next chunk of the body.
    public func feed(_ bytes: UnsafeRawBufferPointer) throws(FormError) {
        switch state {
        case .failed(let error): throw error
        case .finished: throw FormError.malformed("data setelah formulir selesai dibaca")
        default: break
        }
        totalBytes += bytes.count
        guard totalBytes <= limits.maxTotalBytes else {
            throw fail(FormError(.bodyTooLarge, "Formulir terlalu besar: batasnya \(limits.maxTotalBytes) byte."))
        }
        if case .epilogue = state { return }  // the epilogue is ignored (RFC 7578 section 4.1)
        buffer.append(contentsOf: bytes)
        do throws(FormError) {
            try process()
        } catch {
            throw fail(error)
        }
        compact()
    }

    /// Parses the next chunk of the body.
    public func feed<Bytes: Collection>(_ bytes: Bytes) throws(FormError) where Bytes.Element == UInt8 {
        var failure: FormError?
        let done: Void? = bytes.withContiguousStorageIfAvailable { pointer in
            do throws(FormError) { try feed(UnsafeRawBufferPointer(pointer)) } catch { failure = error }
        }
        if done == nil {
            Array(bytes).withUnsafeBytes { raw in
                do throws(FormError) { try feed(raw) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// Ends the body: the result, or 400 when the close delimiter never came.
    public func finish() throws(FormError) -> FormData {
        switch state {
        case .failed(let error):
            throw error
        case .finished:
            throw FormError.malformed("formulir sudah selesai dibaca")
        case .epilogue:
            state = .finished
            return FormData(fields: fields, files: files)
        case .preamble:
            throw fail(FormError(.unterminated, "Formulir tidak valid: batas (boundary) multipart tidak ditemukan."))
        default:
            throw fail(FormError(.unterminated, "Formulir tidak valid: isi multipart terpotong sebelum batas akhir."))
        }
    }

    /// Stops parsing and removes every file created so far.
    public func cancel() {
        if case .finished = state { return }
        removeCreatedFiles()
        state = .failed(FormError.malformed("pembacaan formulir dibatalkan"))
    }

    deinit {
        switch state {
        case .finished, .failed: break
        default: removeCreatedFiles()
        }
    }

    // MARK: - Parsing

    private func process() throws(FormError) {
        while true {
            switch state {
            case .preamble:
                // The preamble is ignored; keep only a tail that might begin the delimiter.
                if let at = find(delimiter, from: start) {
                    start = at + delimiter.count
                    state = .afterDelimiter
                } else {
                    start = max(start, buffer.count - (delimiter.count - 1))
                    return
                }

            case .afterDelimiter:
                guard buffer.count - start >= 2 else { return }
                if buffer[start] == UInt8(ascii: "-"), buffer[start + 1] == UInt8(ascii: "-") {
                    start = buffer.count
                    state = .epilogue
                    return
                }
                // Transport padding (spaces, tabs) may follow the boundary before its CRLF.
                var index = start
                while index < buffer.count, HeaderValueSyntax.isWhitespace(buffer[index]) { index += 1 }
                guard index - start <= 64 else { throw .malformed("baris batas multipart rusak") }
                guard index + 2 <= buffer.count else { return }
                guard buffer[index] == UInt8(ascii: "\r"), buffer[index + 1] == UInt8(ascii: "\n") else {
                    throw .malformed("baris batas multipart rusak")
                }
                partCount += 1
                guard partCount <= limits.maxFields else {
                    throw FormError(.tooManyFields, "Formulir terlalu besar: lebih dari \(limits.maxFields) bagian.")
                }
                start = index + 2
                headerScan = start
                state = .headers

            case .headers:
                guard buffer.count - start >= 2 else { return }
                let headers: MultipartPartHeaders
                if buffer[start] == UInt8(ascii: "\r"), buffer[start + 1] == UInt8(ascii: "\n") {
                    headers = try MultipartPartHeaders(block: buffer[start..<start])
                    start += 2
                } else if let at = find(Self.headerEnd, from: headerScan) {
                    guard at - start <= limits.maxPartHeaderBytes else { throw headerTooLarge() }
                    headers = try MultipartPartHeaders(block: buffer[start..<(at + 2)])
                    start = at + 4
                } else {
                    guard buffer.count - start <= limits.maxPartHeaderBytes + 3 else { throw headerTooLarge() }
                    headerScan = max(start, buffer.count - 3)
                    return
                }
                try beginPart(headers)
                state = .body

            case .body:
                if let at = find(delimiter, from: start) {
                    try consume(start..<at)
                    start = at + delimiter.count
                    try endPart()
                    state = .afterDelimiter
                } else {
                    // Everything but a tail that might begin the delimiter is part content.
                    let safe = buffer.count - (delimiter.count - 1)
                    if safe > start {
                        try consume(start..<safe)
                        start = safe
                    }
                    return
                }

            case .epilogue, .failed, .finished:
                start = buffer.count
                return
            }
        }
    }

    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)

    private func headerTooLarge() -> FormError {
        FormError(.fieldTooLarge, "Formulir terlalu besar: kepala bagian multipart melebihi \(limits.maxPartHeaderBytes) byte.")
    }

    private func beginPart(_ headers: MultipartPartHeaders) throws(FormError) {
        part = headers
        partText = []
        partSize = 0
        if headers.filename != nil {
            writer = try UploadFileWriter(directory: uploadDirectory)
        }
    }

    private func consume(_ range: Range<Int>) throws(FormError) {
        guard !range.isEmpty, let part else { return }
        partSize += range.count
        if let writer {
            guard partSize <= limits.maxFileBytes else {
                throw FormError(.fieldTooLarge, "Berkas '\(part.filename ?? "")' terlalu besar: batasnya \(limits.maxFileBytes) byte.")
            }
            var failure: FormError?
            buffer.withUnsafeBytes { raw in
                do throws(FormError) {
                    try writer.write(UnsafeRawBufferPointer(rebasing: raw[range]))
                } catch { failure = error }
            }
            if let failure { throw failure }
        } else {
            guard partSize <= limits.maxFieldBytes else {
                throw FormError(.fieldTooLarge, "Isian '\(part.name)' terlalu panjang: batasnya \(limits.maxFieldBytes) byte.")
            }
            partText.append(contentsOf: buffer[range])
        }
    }

    private func endPart() throws(FormError) {
        guard let part else { return }
        self.part = nil
        if let writer {
            self.writer = nil
            // An empty file input is sent as a part with filename="" and no content: no file was chosen.
            if part.filename == "", partSize == 0 {
                writer.remove()
                return
            }
            do throws(FormError) {
                try writer.close()
            } catch {
                writer.remove()
                throw error
            }
            files.append(UploadedFile(
                fieldName: part.name, originalFilename: part.filename ?? "",
                contentType: part.contentType, path: writer.path, size: partSize))
        } else {
            let bytes = partText
            partText = []
            guard !bytes.contains(0) else { throw .malformed("isian '\(part.name)' memuat karakter NUL") }
            guard let value = String(validating: bytes, as: UTF8.self) else {
                throw .malformed("isian '\(part.name)' bukan teks UTF-8 yang sah")
            }
            fields.append((part.name, value))
        }
    }

    // MARK: - Helpers

    /// Records the error and removes created files; returns the error for the caller to throw.
    private func fail(_ error: FormError) -> FormError {
        removeCreatedFiles()
        state = .failed(error)
        buffer = []
        start = 0
        return error
    }

    private func removeCreatedFiles() {
        writer?.remove()
        writer = nil
        part = nil
        partText = []
        for file in files { _ = unlink(file.path) }
        files = []
    }

    /// Drops consumed bytes so the buffer stays small.
    private func compact() {
        guard start > 0, start * 2 >= buffer.count || start >= 64 * 1024 else { return }
        buffer.removeSubrange(0..<start)
        headerScan = max(0, headerScan - start)
        start = 0
    }

    /// The first index at or after `from` where `pattern` occurs in the buffer.
    private func find(_ pattern: [UInt8], from: Int) -> Int? {
        let count = buffer.count
        let length = pattern.count
        guard from >= 0, count - from >= length else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            let base = raw.baseAddress!
            let first = Int32(pattern[0])
            var position = from
            while position <= count - length {
                guard let hit = memchr(base + position, first, count - length + 1 - position) else { return nil }
                let index = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + index, pattern, length) == 0 { return index }
                position = index + 1
            }
            return nil
        }
    }
}
