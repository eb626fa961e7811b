import Musrenbang

/// The photos of a proposal form, each small with its size and a "Hapus foto" button: the photos the proposal already
/// has (removed at once, `hapus_lampiran`) and those uploaded with this form (`hapus_foto`). The buttons submit the
/// whole form, so every answer comes back with the photo gone; they come after "Hitung biaya" in the form, so Enter in
/// a field never removes a photo.
enum RemovablePhotosView {
    static func render(attached: [ProposalPhoto], pending: [PendingPhoto]) -> HTML {
        guard !attached.isEmpty || !pending.isEmpty else { return .empty }
        let saved = attached.map { photo -> HTML in
            """
            <li><a href="/foto/\(photo.id.rawValue)"><img src="/foto/\(photo.id.rawValue)/kecil" width="\(photo.smallWidth)" \
            height="\(photo.smallHeight)" alt="Foto \(photo.position) usulan" loading="lazy"></a>
            \(button(PhotoUploads.removeAttachedField, photo.id.rawValue, "foto \(photo.position) usulan"))</li>
            """
        }
        let uploaded = pending.enumerated().map { index, photo -> HTML in
            """
            <li><img src="/foto-sementara/\(photo.id.rawValue)" width="\(photo.smallWidth)" height="\(photo.smallHeight)" \
            alt="Foto yang sudah diunggah">
            \(button(PhotoUploads.removeField, photo.id.rawValue, "foto baru \(index + 1)"))</li>
            """
        }
        return """
            <ul class="photos" aria-label="Foto usulan">\(saved)\(uploaded)</ul>
            \(attached.isEmpty ? .empty : HTML("<p class=\"hint\">Foto yang sudah tersimpan langsung dihapus dari usulan saat Anda menekan \"Hapus foto\".</p>"))
            """
    }

    private static func button(_ name: String, _ id: Int64, _ what: String) -> HTML {
        """
        <button type="submit" name="\(name)" value="\(id)" class="button secondary" formnovalidate>Hapus foto\
        <span class="visually-hidden"> \(what)</span></button>
        """
    }
}
