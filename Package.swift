// swift-tools-version:6.0
// e-Musrenbang: no Swift package dependencies, only Foundation, Dispatch and system C libraries.
import PackageDescription

let package = Package(
    name: "musrenbang",
    products: [
        .executable(name: "musrenbang", targets: ["MusrenbangCLI"]),
    ],
    targets: [
        // System C libraries (Debian: libsqlite3-dev, libcrypt-dev, libturbojpeg0-dev, libpng-dev).
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CCrypt", path: "Sources/CCrypt", pkgConfig: "libxcrypt",
            providers: [.apt(["libcrypt-dev"])]),
        .systemLibrary(
            name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(
            name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]),
        // Linux epoll, eventfd and sendfile headers (part of libc; Swift's Glibc module lacks them).
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),

        // HTTP/1.1 server on raw sockets; knows nothing of Musrenbang.
        .target(name: "HTTPServer", dependencies: ["CLinux"]),
        // Small versions of photos: JPEG and PNG decoded, shrunk and encoded again as JPEG; knows no domain.
        .target(name: "Imaging", dependencies: ["CTurboJPEG", "CPNG"]),
        // SQLite connections, statements, transactions, migrations, backup; knows no domain.
        .target(name: "Storage", dependencies: ["CSQLite"]),
        // The rules of Musrenbang: wilayah, accounts, proposals, state machine, ceilings, allocation.
        .target(name: "Musrenbang", dependencies: ["Storage", "CCrypt", "Imaging"]),
        // The web portal: sessions, views, forms and the screens; knows HTTP and the domain.
        .target(name: "Portal", dependencies: ["HTTPServer", "Storage", "Musrenbang"]),
        // The `musrenbang` command: serve, migrate, backup, check, seed-demo, ...
        .executableTarget(
            name: "MusrenbangCLI", dependencies: ["HTTPServer", "Storage", "Musrenbang", "Portal"]),

        // Benchmark of the persistence layer (bench/domain.sh); not part of the product.
        .executableTarget(name: "MusrenbangBench", dependencies: ["Musrenbang", "Storage"], path: "bench/MusrenbangBench"),

        // What the test targets share: running the built `musrenbang` command. Only tests depend on it.
        .target(name: "TestSupport", dependencies: ["Imaging"], path: "Tests/Support"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "TestSupport"]),
        .testTarget(name: "MusrenbangTests", dependencies: ["Musrenbang", "Storage", "Imaging", "TestSupport"]),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "Musrenbang", "HTTPServer", "Storage", "Imaging", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
