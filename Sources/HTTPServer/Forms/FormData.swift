import Foundation

/// A decoded form: text fields in the order sent, and uploaded files (multipart only).
/// Whoever receives a `FormData` with files owns them: move them elsewhere or call `removeFiles()`.
public struct FormData: Sendable {
    /// Text fields in the order they were sent; a name may repeat (checkboxes, multi-selects).
    public var fields: [(name: String, value: String)]
    /// Uploaded files, in the order sent.
    public var files: [UploadedFile]

    public init(fields: [(name: String, value: String)] = [], files: [UploadedFile] = []) {
        self.fields = fields
        self.files = files
    }

    /// The first value of the field `name`, or `nil`.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The first value of every field by name (what a form with one input per name needs).
    public var firstValues: [String: String] {
        var values: [String: String] = [:]
        for field in fields where values[field.name] == nil { values[field.name] = field.value }
        return values
    }

    /// Every value of the field `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The first file uploaded under the field `name`, or `nil`.
    public func file(_ name: String) -> UploadedFile? {
        files.first { $0.fieldName == name }
    }

    /// Deletes every uploaded file still at its temporary path (ones already moved are skipped).
    public func removeFiles() {
        for file in files {
            _ = unlink(file.path)
        }
    }
}

/// One uploaded file, already written to a server-generated path.
public struct UploadedFile: Sendable, Equatable {
    /// The form field the file came in.
    public var fieldName: String
    /// The client's file name, sanitized (basename only, no control characters, length-capped);
    /// metadata only, never used as a path.
    public var originalFilename: String
    /// The part's declared media type (`application/octet-stream` when none was sent); not verified.
    public var contentType: String
    /// Where the bytes are: a random name inside the upload directory.
    public var path: String
    /// Size in bytes.
    public var size: Int

    public init(fieldName: String, originalFilename: String, contentType: String, path: String, size: Int) {
        self.fieldName = fieldName
        self.originalFilename = originalFilename
        self.contentType = contentType
        self.path = path
        self.size = size
    }
}
