import Testing
@testable import Musrenbang

@Test func moduleLoads() {
    #expect(Bool(true))
}
