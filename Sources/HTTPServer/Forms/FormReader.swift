import Foundation

/// Decodes a request body into `FormData` by its `Content-Type`: `application/x-www-form-urlencoded`
/// or `multipart/form-data`. Works on bytes and files so it needs none of the request types.
public enum FormReader {
    /// Where uploaded files go unless a caller says otherwise: the system temporary directory.
    public static var defaultUploadDirectory: String { FileManager.default.temporaryDirectory.path }

    /// Decodes an in-memory body. A missing `Content-Type` with an empty body is an empty form.
    public static func read(
        contentType: String?, body: [UInt8], limits: FormLimits = FormLimits(),
        uploadDirectory: String = defaultUploadDirectory
    ) throws(FormError) -> FormData {
        switch try kind(of: contentType, bodyIsEmpty: body.isEmpty) {
        case .none:
            return FormData()
        case .urlEncoded:
            return try URLEncodedForm.parse(body, limits: limits)
        case .multipart(let boundary):
            return try MultipartParser.parse(body, boundary: boundary, limits: limits, uploadDirectory: uploadDirectory)
        }
    }

    /// Decodes a body spooled to the file at `path`, streaming multipart bodies in chunks.
    public static func read(
        contentType: String?, bodyFile path: String, limits: FormLimits = FormLimits(),
        uploadDirectory: String = defaultUploadDirectory
    ) throws(FormError) -> FormData {
        var info = stat()
        guard stat(path, &info) == 0 else { throw FormError(.storage, "Isi formulir tidak dapat dibaca di server.") }
        let size = Int(info.st_size)
        switch try kind(of: contentType, bodyIsEmpty: size == 0) {
        case .none:
            return FormData()
        case .urlEncoded:
            guard size <= limits.maxTotalBytes else {
                throw FormError(.bodyTooLarge, "Formulir terlalu besar: batasnya \(limits.maxTotalBytes) byte.")
            }
            var body: [UInt8] = []
            body.reserveCapacity(size)
            try MultipartParser.readChunks(ofFile: path, chunkSize: MultipartParser.fileChunkSize) { chunk in
                body.append(contentsOf: chunk)
            }
            return try URLEncodedForm.parse(body, limits: limits)
        case .multipart(let boundary):
            return try MultipartParser.parse(
                contentsOfFile: path, boundary: boundary, limits: limits, uploadDirectory: uploadDirectory)
        }
    }

    private enum Kind {
        case none
        case urlEncoded
        case multipart(boundary: String)
    }

    private static func kind(of contentType: String?, bodyIsEmpty: Bool) throws(FormError) -> Kind {
        guard let contentType, !contentType.isEmpty else {
            if bodyIsEmpty { return .none }
            throw unsupported()
        }
        guard let mediaType = MediaType(contentType) else { throw unsupported() }
        if mediaType.matches("application/x-www-form-urlencoded") { return .urlEncoded }
        if mediaType.matches("multipart/form-data") {
            guard let boundary = mediaType.boundary else {
                throw FormError(.missingBoundary, "Formulir tidak valid: batas (boundary) multipart tidak ada atau rusak.")
            }
            return .multipart(boundary: boundary)
        }
        throw unsupported()
    }

    private static func unsupported() -> FormError {
        FormError(.unsupportedMediaType, "Jenis isi formulir tidak didukung: kirim sebagai formulir web biasa.")
    }
}
