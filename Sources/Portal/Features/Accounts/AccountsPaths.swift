import Musrenbang

/// The addresses of the admin sistem's account workspace.
enum AccountsPaths {
    static let list = "/kerja/akun"
    static let new = "/kerja/akun/baru"

    static func account(_ id: AccountID) -> String { "\(list)/\(id.rawValue)" }
    static func status(_ id: AccountID) -> String { account(id) + "/status" }
    static func password(_ id: AccountID) -> String { account(id) + "/sandi" }
    static func roles(_ id: AccountID) -> String { account(id) + "/peran" }
    static func handOver(_ id: AccountID) -> String { account(id) + "/serahkan" }
}
