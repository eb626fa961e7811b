import Foundation
@testable import Portal
import Testing

/// The signed fill-time stamp of the feedback form and the HMAC under it.
@Suite("The feedback form's stamp")
struct FormStampTests {
    @Test func hmacSHA256MatchesRFC4231() {
        // RFC 4231, test cases 2 and 6 (a key longer than the block).
        #expect(HMACSHA256.hex(HMACSHA256.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(HMACSHA256.hex(HMACSHA256.mac(key: [UInt8](repeating: 0xaa, count: 131),
                                              message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func aStampIsValidBetweenTheMinimumAndTheMaximumAgeAndOnlyFromItsProcess() {
        let stamp = FormStamp(minimumAge: 3, maximumAge: 3600)
        let issued = Date(timeIntervalSince1970: 1_800_000_000)
        let text = stamp.issue(at: issued)
        #expect(stamp.check(text, at: issued.addingTimeInterval(1)) == .tooFast(wait: 2))
        #expect(stamp.check(text, at: issued.addingTimeInterval(3)) == .valid(issuedAt: issued))
        #expect(stamp.check(text, at: issued.addingTimeInterval(3601)) == .invalid)
        // Another time under the same signature, another process's key, or no stamp: not valid.
        let signature = text.split(separator: ".")[1]
        #expect(stamp.check("1799999000.\(signature)", at: issued.addingTimeInterval(10)) == .invalid)
        #expect(FormStamp(minimumAge: 3, maximumAge: 3600).check(text, at: issued.addingTimeInterval(10)) == .invalid)
        for broken in [nil, "", ".", "1800000000", "1800000000.", "abc.def", "99999999999999999999.00"] {
            #expect(stamp.check(broken, at: issued.addingTimeInterval(10)) == .invalid, "\(String(describing: broken))")
        }
    }
}
