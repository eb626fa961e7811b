import HTTPServer

/// The address a request comes from, for limits per client. The connection's own address, except when it is the
/// loopback (nginx in front, docs/deployment.md, is then the only client): the last address of `X-Forwarded-For`,
/// the one nginx appended (`$proxy_add_x_forwarded_for`), since any before it were written by the client itself.
enum ClientAddress {
    static func of(_ request: HTTPRequest) -> String {
        let connection = host(of: request.remoteAddress)
        guard isLoopback(connection), let forwarded = request.headers["X-Forwarded-For"],
              let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty else {
            return connection
        }
        return host(of: last)
    }

    /// The key of a limit: an IPv4 address as it is, an IPv6 address by its first 64 bits (one household or phone
    /// gets a whole /64, so its single addresses would not limit anything).
    static func limitKey(_ address: String) -> String {
        guard address.contains(":") else { return address }
        if address.contains("."), let last = address.split(separator: ":").last { return String(last) }  // ::ffff:1.2.3.4
        var groups = address.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let gap = groups.firstIndex(of: ""), address.contains("::") {
            let present = groups.filter { !$0.isEmpty }
            groups = Array(groups[..<gap]).filter { !$0.isEmpty } + Array(repeating: "0", count: max(0, 8 - present.count))
                + Array(groups[(gap + 1)...]).filter { !$0.isEmpty }
        }
        return groups.prefix(4).map { $0.lowercased() }.joined(separator: ":") + "::/64"
    }

    /// "10.0.0.7:40000" -> "10.0.0.7", "[2001:db8::1]:443" -> "2001:db8::1", "2001:db8::1" -> itself.
    static func host(of address: String) -> String {
        if address.hasPrefix("["), let end = address.firstIndex(of: "]") {
            return String(address[address.index(after: address.startIndex)..<end])
        }
        if let colon = address.lastIndex(of: ":"), address.filter({ $0 == ":" }).count == 1 { return String(address[..<colon]) }
        return address
    }

    static func isLoopback(_ host: String) -> Bool {
        host.hasPrefix("127.") || host == "::1" || host.hasPrefix("::ffff:127.")
    }
}
