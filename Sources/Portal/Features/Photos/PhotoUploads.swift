import Musrenbang

/// The photo part of a proposal form POST: the form token that keys its pending photos, those photos, and the
/// refusal of any uploaded file (shown beside the photo field, every other answer kept).
struct PhotoUploads {
    /// The random token of the form, carried in the hidden field `foto_token`.
    let token: String
    let pending: [PendingPhoto]
    let errors: [FieldError]

    /// The hidden field that carries the form token.
    static let tokenField = "foto_token"
    /// The file input (multiple files).
    static let fileField = "foto"
    /// The "Hapus foto" button of a photo uploaded with this form (value: its pending id).
    static let removeField = "hapus_foto"
    /// The "Hapus foto" button of a photo the proposal already has (value: its photo id; the edit form only).
    static let removeAttachedField = "hapus_lampiran"
    /// The hidden field of the check page, so that a photo removed there leads back to the check page.
    static let fromCheckField = "dari"
    /// The largest request body of a form with photos: 3 photos of 5 MB and the answers.
    static let bodyLimit = 17 * 1024 * 1024
}
