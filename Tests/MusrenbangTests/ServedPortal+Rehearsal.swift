import Foundation
import Musrenbang
import TestSupport

extension ServedPortal {
    /// `serve --rehearsal-at` on `database`: the portal's clock starts at `moment` (handed to the option in WIB, to the
    /// minute) and runs on.
    static func rehearsing(_ database: String, at moment: Date) throws -> ServedPortal {
        let f = WIBTime.fields(moment, offset: WIBTime.offsetSeconds)
        let text = String(format: "%04d-%02d-%02dT%02d:%02d", f.year, f.month, f.day, f.hour, f.minute)
        return try start(database: database, arguments: ["--rehearsal-at", text])
    }
}
