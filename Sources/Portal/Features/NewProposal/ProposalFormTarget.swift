import Musrenbang

/// Where the proposal form posts and how it words itself: a new proposal, or the edit of a draft or returned one.
struct ProposalFormTarget {
    let action: String
    let heading: String
    /// The lead line above the form (the step of a new proposal).
    let lead: String?
    /// Whether the place may still be changed (only before the proposal exists).
    let placeChangeable: Bool
    /// Extra hidden fields (the version an edit was made from).
    let hidden: HTML
    let saveLabel: String
    /// The photos the proposal already has (shown as small versions above the buttons).
    var photos: [ProposalPhoto] = []
    /// The photos uploaded with this form and not saved yet, and the token that keys them (empty: a new form).
    var pendingPhotos: [PendingPhoto] = []
    var photoToken = ""

    /// This target with the photos of a form POST.
    func with(_ uploads: PhotoUploads) -> ProposalFormTarget {
        var copy = self
        copy.pendingPhotos = uploads.pending
        copy.photoToken = uploads.token
        return copy
    }

    static let new = ProposalFormTarget(action: "/usulan/baru", heading: "Usulan baru", lead: "Langkah 3 dari 3: isi usulan Anda.",
                                        placeChangeable: true, hidden: .empty, saveLabel: "Simpan sebagai draf")

    /// The edit of proposal `code` made from `version`, which has `photos`.
    static func edit(code: String, version: Int64, photos: [ProposalPhoto] = []) -> ProposalFormTarget {
        ProposalFormTarget(action: "/usulan/\(code)/ubah", heading: "Ubah usulan \(code)", lead: nil, placeChangeable: false,
                           hidden: "<input type=\"hidden\" name=\"versi\" value=\"\(version)\">", saveLabel: "Simpan perubahan",
                           photos: photos)
    }
}
