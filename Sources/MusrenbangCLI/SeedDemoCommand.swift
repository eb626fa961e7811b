import Foundation
import Musrenbang
import Storage

/// `musrenbang seed-demo`: the demo city (Kota Tangerang Selatan) with a cycle in progress.
enum SeedDemoCommand: Command {
    static let name = "seed-demo"
    static let summary = "seed the Kota Tangerang Selatan demo (runs migrations first; idempotent)"
    static let usage = """
        musrenbang seed-demo [--db FILE] [--migrations DIR] [--seed N] [--stage STAGE]
          --db FILE          database file (default: musrenbang.sqlite; env MUSRENBANG_DB)
          --migrations DIR   migrations directory (as for `migrate`)
          --seed N           seed of the generated data (default 20270101)
          --stage STAGE      the current cycle's stage open today: pra_musrenbang (residents propose, RT/RW
                             endorse), kelurahan, kecamatan (default) or opd
        Prints every demo account with its password ONCE. A second run changes nothing.
        """

    static func run(_ options: Options) throws {
        let opened = try DatabaseOptions.openMigrated(options)
        for migration in opened.applied { print("applied \(migration.fileName)") }
        try seed(opened.database, path: opened.path, options: options)
    }

    /// Seeds the demo unless present, printing the accounts' passwords the one time they are created.
    static func seed(_ database: Database, path: String, options: Options) throws {
        let seed = UInt64(try options.int("seed", default: 20_270_101))
        let stageText = options.string("stage", default: Stage.kecamatan.rawValue)
        guard let stage = Stage(rawValue: stageText), DemoSeeder.seedableStages.contains(stage) else {
            throw UsageError("--stage must be one of " + DemoSeeder.seedableStages.map(\.rawValue).joined(separator: ", "))
        }
        let started = Date()
        let report = try DemoSeeder(database: database, seed: seed, stage: stage).run()
        if report.alreadySeeded {
            print("\(path): demo \(TangselReference.cityName) sudah ada; tidak ada yang diubah.")
        } else {
            print("Akun demo (kata sandi hanya ditampilkan SEKALI ini; simpan sekarang):")
            print(TextTable.render(report.credentials.map { [$0.username, $0.role.rawValue, $0.scope, $0.password] },
                                      header: ["username", "peran", "cakupan", "kata sandi"]))
            for note in report.notes { print("- \(note)") }
            print(String(format: "Seed selesai dalam %.1f detik.", Date().timeIntervalSince(started)))
        }
        print(report.counts.map { "\($0.name)=\($0.count)" }.joined(separator: " "))
        // The passwords are shown once: get them out now, not when a long-running server exits.
        fflush(nil)  // all streams; `stdout` itself is not concurrency-safe to name in Swift 6
    }
}
