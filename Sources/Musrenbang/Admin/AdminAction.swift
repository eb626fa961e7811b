/// What was done to an `AdminEntity`. Raw values are the stored text (`admin_log.action`, Migrations/0006).
public enum AdminAction: String, CaseIterable, Hashable, Sendable {
    case create, update, deactivate, reactivate, remove, compute
    case resetPassword = "reset_password"
    case addRole = "add_role"
    case removeRole = "remove_role"
}
