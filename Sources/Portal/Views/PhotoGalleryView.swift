import Musrenbang

/// A proposal's photos as their small versions, with `width` and `height` set, each a link to its original where the
/// viewer may have it (`linkOriginals`; the public gets the small versions only).
enum PhotoGalleryView {
    static func render(_ photos: [ProposalPhoto], linkOriginals: Bool = true) -> HTML {
        guard !photos.isEmpty else { return .empty }
        let items = photos.map { photo -> HTML in
            let image: HTML = """
                <img src="/foto/\(photo.id.rawValue)/kecil" width="\(photo.smallWidth)" height="\(photo.smallHeight)" \
                alt="Foto \(photo.position) usulan" loading="lazy">
                """
            return linkOriginals ? "<li><a href=\"/foto/\(photo.id.rawValue)\">\(image)</a></li>" : "<li>\(image)</li>"
        }
        return """
            <ul class="photos" aria-label="Foto usulan">\(items)</ul>
            """
    }
}
