/// What stops a page, mapped to a response in one place (`Portal.errorResponse`): 303 to the sign-in page with a
/// return path, 403, 404 (also for what this person may not see), 409 with the current state, 422 is the form's own.
enum PortalError: Error, Equatable {
    /// Not signed in: 303 to `/masuk?kembali=...`.
    case signInRequired(returnTo: String)
    /// Signed in with several roles and none chosen: 303 to `/peran?kembali=...`.
    case roleChoiceRequired(returnTo: String)
    /// 403 with the rule in words.
    case forbidden(String)
    /// 404: nothing here, or nothing this person may see.
    case notFound
    /// 403: the form's CSRF token or its origin did not match.
    case csrfRejected
    /// 503: too many sign-ins at once; try again in a moment.
    case busy
    /// 409: the thing is no longer in a state for this (the rule in words).
    case conflict(String)
}
