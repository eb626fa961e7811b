import Musrenbang

/// A proposal's photos as their small versions, with `width` and `height` set, each a link to its original.
enum PhotoGalleryView {
    static func render(_ photos: [ProposalPhoto]) -> HTML {
        guard !photos.isEmpty else { return .empty }
        let items = photos.map { photo -> HTML in
            """
            <li><a href="/foto/\(photo.id.rawValue)"><img src="/foto/\(photo.id.rawValue)/kecil" width="\(photo.smallWidth)" \
            height="\(photo.smallHeight)" alt="Foto \(photo.position) usulan" loading="lazy"></a></li>
            """
        }
        return """
            <ul class="photos" aria-label="Foto usulan">\(items)</ul>
            """
    }
}
