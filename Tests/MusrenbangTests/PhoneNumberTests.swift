import Testing
@testable import Musrenbang

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("081234567890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("+62-812-3456-7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("62 812.3456.7890", "+6281234567890"),
        ("  0811 123 456 ", "+62811123456"),          // 9 digits after +62: the shortest (0811-xxx-xxx)
        ("0812 3456 7890 1", "+62812345678901"),       // 12 after +62: the longest
        ("0857-1234-5678", "+6285712345678"),
    ])
    func typedNumbersAreNormalised(typed: String, stored: String) {
        #expect(PhoneNumber(parsing: typed)?.normalized == stored)
    }

    @Test(arguments: [
        "", "0812", "081234567",                  // too short: 8 digits after the 0
        "0812 3456 7890 123",                     // 13 after the 0: too long
        "021 7890 1234",                          // a landline (Jakarta), not a mobile
        "+1 812 3456 7890", "+0812 3456 7890",    // another country; + without 62
        "62 21 7890 1234",                        // landline with the country code
        "0812/3456/7890", "0812 3456 789O",       // a slash; a letter O
        "812 3456 7890",                          // no prefix at all
        "++62 812 3456 7890", "0062 812 3456 7890",
    ])
    func otherTextIsRefused(typed: String) {
        #expect(PhoneNumber(parsing: typed) == nil, "\(typed)")
    }
}
