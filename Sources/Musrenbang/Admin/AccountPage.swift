/// One page of the account list for the admin sistem: accounts with their roles (never a password hash).
public struct AccountPage: Hashable, Sendable {
    public var accounts: [Account]
    /// Accounts in all pages.
    public var total: Int
    public var offset: Int
    public var limit: Int

    /// A page of `accounts` out of `total`, from `offset`, at most `limit`.
    public init(accounts: [Account], total: Int, offset: Int, limit: Int) {
        self.accounts = accounts; self.total = total; self.offset = offset; self.limit = limit
    }
}
