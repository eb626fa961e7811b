import TestSupport
import Foundation
import Imaging
import Musrenbang
@testable import Portal
import Testing

extension PhotoRoutesTests {
    @Test func aPhoneSPortraitPhotoIsShownUprightAndItsOriginalAsUploaded() throws {
        let world = try PortalWorld()
        let scene = try world.residents()
        let draft = try scene.draft("Perbaikan jalan Gang Mawar", by: scene.ani)
        // The sensor's 640×480 pixels with "turn 90° clockwise to view": a portrait photo.
        let original = TestPhotos.withOrientation(try TestPhotos.jpeg(width: 640, height: 480), 6)
        let photo = try world.service.addPhoto(to: .id(draft.id), fileName: "potret.jpg", bytes: original, by: scene.ani)
        #expect(photo.smallWidth == 360 && photo.smallHeight == 480)
        let ani = world.browser()
        try ani.signIn("ani", world.password)
        #expect(try ani.get("/usulan/\(draft.trackingCode)/ubah").body
            .contains("<img src=\"/foto/\(photo.id.rawValue)/kecil\" width=\"360\" height=\"480\""))
        let small = try ani.get("/foto/\(photo.id.rawValue)/kecil")
        #expect(try small.status == 200 && PhotoShrinker().shrink(small.bytes).originalWidth == 360)
        #expect(try ani.get("/foto/\(photo.id.rawValue)").bytes == original)
    }
}
