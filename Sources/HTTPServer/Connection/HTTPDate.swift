import Glibc

/// IMF-fixdate (RFC 9110 section 5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
public enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats seconds since the epoch.
    public static func format(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    /// The current time, formatted (cached for the second: every response carries it). Each thread keeps its own
    /// copy: one cache behind a lock was contended by every worker, and the spinning cost more than the formatting.
    public static func now() -> String {
        let second = time(nil)
        let cached = ThreadDateCache.current
        if cached.second != second {
            cached.second = second
            cached.text = format(second)
        }
        return cached.text
    }

    /// The current UTC time as `2026-11-22T12:00:00Z`, for log lines.
    public static func iso8601Now() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Parses an IMF-fixdate back to seconds since the epoch (for If-Modified-Since); nil if malformed.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int32(parts[1]),
              let month = months.firstIndex(of: String(parts[2])), let year = Int32(parts[3]) else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int32(clock[0]), let minute = Int32(clock[1]), let second = Int32(clock[2]) else { return nil }
        var fields = tm()
        fields.tm_year = year - 1900
        fields.tm_mon = Int32(month)
        fields.tm_mday = day
        fields.tm_hour = hour
        fields.tm_min = minute
        fields.tm_sec = second
        return Int(timegm(&fields))
    }
}

/// One thread's formatted second, reached through a pthread key (released when the thread ends).
private final class ThreadDateCache {
    var second = -1
    var text = ""

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ThreadDateCache>.fromOpaque(pointer).release()
        }
        return key
    }()

    static var current: ThreadDateCache {
        if let pointer = pthread_getspecific(key) { return Unmanaged<ThreadDateCache>.fromOpaque(pointer).takeUnretainedValue() }
        let cache = ThreadDateCache()
        pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }
}
