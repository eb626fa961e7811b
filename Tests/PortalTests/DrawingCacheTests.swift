import Foundation
import Musrenbang
@testable import Portal
import Testing

/// The public list's drawn content is kept per everything it is drawn from, and only for that: another page of rows,
/// another filter or another visibility draws anew; at its capacity the cache starts over.
@Suite struct DrawingCacheTests {
    @Test func aDrawingIsKeptOnlyForEqualValues() throws {
        let world = try PortalWorld()
        let service = world.service
        let cycle = try #require(try service.cycles().first)
        let choices = try PublicBrowseChoices(cycles: try service.cycles(), kotaId: cycle.kotaId, service: service)
        func key(_ filter: PublicBrowseFilter, isPublic: Bool = true) throws -> PublicListDrawing {
            PublicListDrawing(cycle: cycle, filter: filter, choices: choices,
                                  result: try service.proposals(filter.query(cycle: cycle.id), viewer: .public), isPublic: isPublic)
        }
        var searched = PublicBrowseFilter()
        searched.text = "jalan"
        let cache = DrawingCache<PublicListDrawing>(capacity: 2)
        var drawn = 0
        func html(_ key: PublicListDrawing) -> HTML { cache.html(for: key) { drawn += 1; return HTML.text("drawing \(drawn)") } }

        // The same values, read again from the engine: drawn once.
        #expect(html(try key(PublicBrowseFilter())) == HTML.text("drawing 1"))
        #expect(html(try key(PublicBrowseFilter())) == HTML.text("drawing 1") && drawn == 1)
        // Another filter, or the same before the cycle is public: drawn anew.
        #expect(html(try key(searched)) == HTML.text("drawing 2"))
        #expect(html(try key(PublicBrowseFilter(), isPublic: false)) == HTML.text("drawing 3"))
        // The third drawing found the cache full (two kept): it started over, so the first is drawn again.
        #expect(html(try key(PublicBrowseFilter())) == HTML.text("drawing 4") && drawn == 4)
    }
}
