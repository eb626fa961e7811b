import Musrenbang

/// The photo field of the proposal form: the photos already attached and those uploaded with this form (each with a
/// "Hapus foto" button), the refusal of a file beside the field, and the file input (up to 3 JPEG or PNG photos).
enum PhotoFieldView {
    static func render(_ target: ProposalFormTarget, token: String, error: String?) -> HTML {
        let room = ProposalPhotoRules.maxPhotos - target.photos.count - target.pendingPhotos.count
        let input: HTML = room > 0 ? """
            <label for="foto">Tambah foto</label>
            <p class="hint" id="foto-hint">Paling banyak \(ProposalPhotoRules.maxPhotos) foto per usulan, JPEG atau PNG, \
            masing-masing paling besar 5 MB.</p>
            \(error.map { HTML("<p class=\"field-error\" id=\"foto-error\">\($0)</p>") } ?? .empty)
            <input type="file" id="foto" name="\(PhotoUploads.fileField)" accept="image/jpeg,image/png" multiple \
            aria-describedby="foto-hint\(error == nil ? "" : " foto-error")">
            """ : """
            \(error.map { HTML("<p class=\"field-error\" id=\"foto-error\">\($0)</p>") } ?? .empty)
            <p class="hint">Sudah \(ProposalPhotoRules.maxPhotos) foto. Tekan "Hapus foto" untuk menggantinya.</p>
            """
        return """
            <fieldset class="\(error == nil ? "" : "has-error")">
            <legend>Foto (tidak wajib)</legend>
            <input type="hidden" name="\(PhotoUploads.tokenField)" value="\(token)">
            \(RemovablePhotosView.render(attached: target.photos, pending: target.pendingPhotos))
            \(input)
            </fieldset>
            """
    }
}
