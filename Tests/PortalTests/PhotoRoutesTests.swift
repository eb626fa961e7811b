import TestSupport
import Foundation
import Imaging
import Musrenbang
@testable import Portal
import Testing

@Suite("Proposal photos at /foto")
struct PhotoRoutesTests {
    @Test func theProposerSeesSmallAndOriginalOthersGet404() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let draft = try scene.draft("Perbaikan jalan Gang Mawar", by: scene.ani)
        let original = try TestPhotos.jpeg(width: 1600, height: 1200)
        let photo = try world.service.addPhoto(to: .id(draft.id), fileName: "jalan.jpg", bytes: original, by: scene.ani)
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        let small = try ani.get("/foto/\(photo.id.rawValue)/kecil")
        #expect(small.status == 200 && small.headers["Content-Type"] == "image/jpeg")
        #expect(small.headers["Cache-Control"]?.hasPrefix("private") == true)
        #expect(try PhotoShrinker().shrink(small.bytes).originalWidth == 480 && small.bytes != original && small.bytes.count < 60_000)
        let full = try ani.get("/foto/\(photo.id.rawValue)")
        #expect(full.status == 200 && full.bytes == original && full.headers["Cache-Control"]?.hasPrefix("private") == true)
        // The edit form shows it small, with its size, the original one tap away.
        let form = try ani.get("/usulan/\(draft.trackingCode)/ubah")
        #expect(form.body.contains("<a href=\"/foto/\(photo.id.rawValue)\"><img src=\"/foto/\(photo.id.rawValue)/kecil\" width=\"480\" height=\"360\""))
        // Another resident and an anonymous visitor: 404, as for a photo that does not exist.
        let budi = world.browser(address: "10.0.0.9:1")
        try budi.signIn("budi", world.password)
        for (browser, target) in [(budi, "/foto/\(photo.id.rawValue)/kecil"), (budi, "/foto/\(photo.id.rawValue)"),
                                  (world.browser(address: "10.0.0.10:1"), "/foto/\(photo.id.rawValue)/kecil"),
                                  (ani, "/foto/999/kecil"), (ani, "/foto/abc")] {
            let refused = try browser.get(target)
            #expect(refused.status == 404 && refused.headers["Content-Type"]?.hasPrefix("text/html") == true, "\(target)")
        }
    }
}
