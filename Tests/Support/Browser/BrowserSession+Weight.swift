import Foundation

extension BrowserSession {
    /// The current page's weight, from Navigation and Resource Timing (`encodedBodySize`). A stylesheet or script
    /// the browser took from its memory cache has no timing entry; it is fetched again and its bytes counted, so
    /// the weight does not depend on what an earlier page left in the cache.
    public func pageWeight() throws -> PageWeight {
        let answer = try executeAsync("""
            const done = arguments[arguments.length - 1];
            (async () => {
              const page = performance.getEntriesByType('navigation')[0];
              const resources = performance.getEntriesByType('resource');
              const linked = new Set([...document.querySelectorAll('link[rel~="stylesheet"][href], script[src]')]
                .map(element => element.href || element.src));
              let code = 0;
              for (const url of linked) {
                const entry = resources.find(r => r.name === url && r.encodedBodySize > 0);
                code += entry ? entry.encodedBodySize
                              : (await (await fetch(url, { credentials: 'same-origin' })).arrayBuffer()).byteLength;
              }
              const images = resources.filter(r => r.initiatorType === 'img' || /\\.(jpe?g|png|gif|webp|svg)$|\\/foto/.test(r.name))
                .reduce((sum, r) => sum + r.encodedBodySize, 0);
              const transferred = (page ? page.transferSize : 0) + resources.reduce((sum, r) => sum + (r.transferSize || 0), 0);
              done([page ? page.encodedBodySize : 0, code, images, transferred]);
            })().catch(error => done(String(error)));
            """)
        guard let numbers = answer as? [Any], numbers.count == 4 else { throw WebDriverError("page weight: \(answer)") }
        return PageWeight(htmlBytes: int(numbers[0]), styleAndScriptBytes: int(numbers[1]), imageBytes: int(numbers[2]),
                          transferredBytes: int(numbers[3]))
    }
}
