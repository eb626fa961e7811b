import HTTPServer
import Musrenbang
import Testing
@testable import Portal

/// What the portal puts on which worker pool: password checks on the long-running lane, whole-level work (exports,
/// printouts, allocation runs, imports) on the heavy lane, every other page and form on the standard lane, whose few
/// threads would otherwise be held by them.
@Suite struct WorkerLanePlanTests {
    @Test func wholeLevelWorkRunsOnTheHeavyLaneAndPagesOnTheStandardOne() throws {
        let router = try PortalWorld().router
        func lane(_ method: HTTPMethod, _ path: String) -> WorkerLane { router.dispatchPlan(method: method, rawPath: path).lane }
        for path in ["/data/usulan.csv", "/data/usulan.json", "/data/pagu.csv", OpenDataPaths.pabulib(planYear: 2027, envelope: .kecamatan(KecamatanID(1))),
                     "/rekap/cetak", "/kerja/rekap/cetak", MeetingPaths.print, RatificationPaths.print] {
            #expect(lane(.get, path) == .heavy, "GET \(path)")
        }
        for path in [MeetingPaths.allocation, OperatorPaths.importPage, OperatorPaths.importConfirm,
                     CeilingInputPaths.importPreview, CeilingInputPaths.importConfirm] {
            #expect(lane(.post, path) == .heavy, "POST \(path)")
        }
        for path in ["/masuk", "/daftar"] { #expect(lane(.post, path) == .longRunning, "POST \(path)") }
        for path in ["/", "/usulan", "/usulan/saya/TGS-2027-000001", MeetingPaths.allocation, "/kerja/verifikasi", "/data"] {
            #expect(lane(.get, path) == .standard, "GET \(path)")
        }
        for path in ["/usulan/baru", "/kerja/verifikasi", MeetingPaths.scoring] { #expect(lane(.post, path) == .standard, "POST \(path)") }
    }
}
