import Foundation

/// axe-core's `axe.min.js`, with which browser tests audit the pages they visit. It is not in the repository: it
/// ships inside the PyPI wheel `axe-selenium-python`, and `.ci/fetch-axe` (run by `.ci/run`) puts it at
/// `.build/axe-core/axe.min.js`, or where `MUSRENBANG_AXE_JS` points.
public enum AxeCore {
    /// The environment variable that names the file instead of the default place.
    public static let environmentVariable = "MUSRENBANG_AXE_JS"

    /// Where the file is looked for.
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty {
            return path.hasPrefix("/") ? path : ServedPortal.repositoryRoot.appendingPathComponent(path).path
        }
        return ServedPortal.repositoryRoot.appendingPathComponent(".build/axe-core/axe.min.js").path
    }

    /// The script's text (the default place's read once). A missing file is an error that says how to get it: an
    /// audit that quietly did not run would pass every page.
    public static func script(at path: String? = nil) throws -> String {
        guard let path else { return try loaded.get() }
        return try read(path).get()
    }

    private static let loaded: Result<String, WebDriverError> = read(path)

    private static func read(_ path: String) -> Result<String, WebDriverError> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("axe") else {
            return .failure(WebDriverError(
                "axe-core not found at \(path): run `bash .ci/fetch-axe` (bash .ci/run does), or set \(environmentVariable)"))
        }
        return .success(text)
    }
}
