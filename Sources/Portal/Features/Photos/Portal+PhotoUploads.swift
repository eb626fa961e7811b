import Foundation
import HTTPServer
import Musrenbang

/// Reading the photos of a proposal form: the multipart body within `PhotoUploads.bodyLimit`, removals ticked
/// "Hapus", each uploaded file checked and kept as a pending photo of the form (attached when the form is saved).
extension Portal {
    /// The form of a proposal with photos: multipart, files up to the photo limits, after the CSRF checks.
    func verifiedPhotoForm(_ context: RequestContext) throws -> FormData {
        try verifiedForm(context, limits: FormLimits(maxFileBytes: PhotoUploads.bodyLimit, maxTotalBytes: PhotoUploads.bodyLimit))
    }

    /// Removes the ticked pending photos and keeps every uploaded file that passes the checks; `attached` is the
    /// number of photos the proposal already has. The uploaded files are deleted afterwards.
    func receivePhotos(_ form: FormData, by actor: Actor, attached: Int = 0) throws -> PhotoUploads {
        defer { form.removeFiles() }
        let sent = form[PhotoUploads.tokenField] ?? ""
        let token = SessionToken.isWellFormed(sent) ? sent : SessionToken.make()
        for value in form.values(PhotoUploads.removeField) {
            guard let id = Int64(value) else { continue }
            try service.removePendingPhoto(PendingPhotoID(id), formToken: token, by: actor)
        }
        var errors: [FieldError] = []
        for file in form.files where file.fieldName == PhotoUploads.fileField && (file.size > 0 || !file.originalFilename.isEmpty) {
            let bytes = FileManager.default.contents(atPath: file.path).map { [UInt8]($0) } ?? []
            do {
                try service.addPendingPhoto(formToken: token, fileName: file.originalFilename, bytes: bytes,
                                            room: ProposalPhotoRules.maxPhotos - attached, by: actor)
            } catch DomainError.invalidFields(let refused) {
                errors += refused
            }
        }
        return PhotoUploads(token: token, pending: try service.pendingPhotos(formToken: token, by: actor), errors: errors)
    }
}
