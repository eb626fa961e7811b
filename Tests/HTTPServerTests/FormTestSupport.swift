import Foundation
@testable import HTTPServer

/// A unique directory under the system temporary directory, for upload tests; `remove()` when done.
struct UploadTestDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("musrenbang-forms-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    /// Names of the files currently inside.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// Writes `bytes` to a new file inside and returns its path.
    func write(_ bytes: [UInt8], name: String = "body.bin") throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Builds multipart/form-data bodies for tests.
enum MultipartFixture {
    struct Part {
        var headers: [String]
        var content: [UInt8]

        static func field(_ name: String, _ value: String) -> Part {
            Part(headers: ["Content-Disposition: form-data; name=\"\(name)\""], content: Array(value.utf8))
        }

        static func file(_ name: String, filename: String, type: String? = "application/pdf", content: [UInt8]) -> Part {
            var headers = ["Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\""]
            if let type { headers.append("Content-Type: \(type)") }
            return Part(headers: headers, content: content)
        }
    }

    static func body(boundary: String, parts: [Part], preamble: String = "", epilogue: String = "", close: Bool = true) -> [UInt8] {
        var bytes = Array(preamble.utf8)
        for (index, part) in parts.enumerated() {
            if index > 0 || !preamble.isEmpty { bytes += Array("\r\n".utf8) }
            bytes += Array("--\(boundary)\r\n".utf8)
            for header in part.headers { bytes += Array("\(header)\r\n".utf8) }
            bytes += Array("\r\n".utf8)
            bytes += part.content
        }
        if close { bytes += Array("\r\n--\(boundary)--".utf8) + Array(epilogue.utf8) }
        return bytes
    }
}
