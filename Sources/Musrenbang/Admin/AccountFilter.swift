/// Which accounts the admin sistem's list shows: by role, by scope (an area or an OPD of any of the account's roles;
/// a kelurahan also selects its RW and RT heads, a kecamatan everything inside it), active or not, and a text found in the username or the display name. Every part is optional.
public struct AccountFilter: Hashable, Sendable {
    public var role: Role?
    public var scope: Scope?
    public var active: Bool?
    public var text: String?

    /// A filter; nil parts do not filter.
    public init(role: Role? = nil, scope: Scope? = nil, active: Bool? = nil, text: String? = nil) {
        self.role = role; self.scope = scope; self.active = active; self.text = text
    }
}
