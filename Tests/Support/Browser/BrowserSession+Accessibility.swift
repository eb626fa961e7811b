import Foundation

/// Accessibility audits of the current page with axe-core (`AxeCore`).
extension BrowserSession {
    /// Runs `script` as an asynchronous WebDriver script: it ends by calling `arguments[arguments.length - 1]` with its
    /// result, which is returned (at most the session's script timeout, `commandTimeout`).
    @discardableResult
    public func executeAsync(_ script: String, _ arguments: Any...) throws -> Any {
        try command("POST", "execute/async", ["script": script, "args": arguments])
    }

    /// Every rule of axe-core the current page breaks at `minimumImpact` or worse (all of axe-core's rules run; the
    /// impact only filters what is returned). Injects axe-core into the page when it is not there yet.
    public func accessibilityViolations(minimumImpact: AccessibilityViolation.Impact = .serious) throws -> [AccessibilityViolation] {
        if try execute("return typeof window.axe === 'undefined';") as? Bool ?? true {
            try execute(AxeCore.script())
        }
        let answer = try executeAsync("""
            const done = arguments[arguments.length - 1];
            window.axe.run(document, { resultTypes: ['violations'] })
              .then(results => done(results.violations.map(v => ({
                  id: v.id, impact: v.impact || 'minor', help: v.help,
                  targets: v.nodes.map(n => n.target.join(' '))
              }))))
              .catch(error => done({ failed: String(error) }));
            """)
        if let failed = (answer as? [String: Any])?["failed"] { throw WebDriverError("axe-core failed: \(failed)") }
        guard let list = answer as? [[String: Any]] else { throw WebDriverError("axe-core: unexpected answer \(answer)") }
        return list.compactMap { item in
            guard let impact = AccessibilityViolation.Impact(rawValue: item["impact"] as? String ?? ""),
                  impact >= minimumImpact else { return nil }
            return AccessibilityViolation(rule: item["id"] as? String ?? "?", impact: impact, help: item["help"] as? String ?? "",
                                          targets: item["targets"] as? [String] ?? [])
        }
    }
}
