// swift-tools-version: 6.0
import PackageDescription

/// Layers, lowest first; a target only imports targets from layers below it:
/// 1. C bindings (`CMicroHTTPD`, `CGnuTLS`, `CSQLite`, `CCurl`, `CSystem`), each a small shim over a Debian library.
/// 2. `MECObservability` (logging, metrics) and `MECHTTP` (server, router, middleware, websocket, client).
/// 3. `MECModel`: ETSI data types shared across the MEC APIs.
/// 4. `MECStore`: the storage protocol and its backends.
/// 5. `MECSecurity`: keys, certificates, JWS, secret hashes, and later provenance checks.
/// 6. `MECNotifications` (subscriptions and delivery shared by every API), `MECAuth` (OAuth 2.0 server, token check,
///    audit trail), `MECDataPlane` (DNS and traffic rules), then feature modules: `MECPlatform` (MEC 011).
/// 7. `MECHost` (composition root), `MECCommandLine` and the `mec` executable.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "swift-mec",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mec", targets: ["mec"])
    ],
    targets: [
        .target(
            name: "CMicroHTTPD",
            linkerSettings: [.linkedLibrary("microhttpd"), .linkedLibrary("gnutls")]
        ),
        .target(name: "CGnuTLS", linkerSettings: [.linkedLibrary("gnutls")]),
        .target(name: "CSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl-gnutls")]),
        .target(name: "CSystem"),

        .target(name: "MECObservability", swiftSettings: strict),
        .target(
            name: "MECHTTP",
            dependencies: ["CMicroHTTPD", "CCurl", "CGnuTLS", "MECObservability"],
            swiftSettings: strict
        ),
        .target(name: "MECModel", swiftSettings: strict),
        .target(name: "MECStore", dependencies: ["CSQLite", "MECObservability"], swiftSettings: strict),
        .target(name: "MECSecurity", dependencies: ["CGnuTLS", "MECObservability"], swiftSettings: strict),
        .target(name: "MECDataPlane", dependencies: ["MECObservability"], swiftSettings: strict),
        .target(
            name: "MECNotifications",
            dependencies: ["MECHTTP", "MECStore", "MECObservability"],
            swiftSettings: strict
        ),
        .target(
            name: "MECAuth",
            dependencies: ["MECObservability", "MECHTTP", "MECModel", "MECStore", "MECSecurity"],
            swiftSettings: strict
        ),
        .target(
            name: "MECPlatform",
            dependencies: ["CSystem", "MECHTTP", "MECModel", "MECStore", "MECNotifications", "MECObservability"],
            resources: [.copy("Resources/openapi")],
            swiftSettings: strict
        ),
        .target(
            name: "MECHost",
            dependencies: [
                "MECObservability", "MECHTTP", "MECModel", "MECStore", "MECSecurity", "MECAuth", "MECNotifications",
                "MECDataPlane", "MECPlatform",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "MECCommandLine",
            dependencies: ["MECHost", "MECAuth", "MECHTTP", "MECSecurity", "MECStore"],
            swiftSettings: strict
        ),
        .executableTarget(name: "mec", dependencies: ["MECCommandLine"], swiftSettings: strict),

        .executableTarget(
            name: "mec-bench-auth",
            dependencies: ["MECAuth", "MECHTTP", "MECSecurity", "MECStore", "MECObservability"],
            path: "bench/auth/Sources",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "mec-bench-client",
            dependencies: ["MECHTTP"],
            path: "bench/http-client/Sources",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "mec-bench-fanout",
            dependencies: ["MECHTTP", "MECObservability"],
            path: "bench/fanout/Sources",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "mec-bench-notify",
            dependencies: ["MECNotifications", "MECHTTP", "MECStore", "MECSecurity", "MECObservability"],
            path: "bench/notify/Sources",
            swiftSettings: strict
        ),

        .target(name: "MECTestSupport", path: "Tests/MECTestSupport", swiftSettings: strict),
        .testTarget(name: "MECObservabilityTests", dependencies: ["MECObservability"], swiftSettings: strict),
        .testTarget(
            name: "MECHTTPTests",
            dependencies: ["MECHTTP", "MECSecurity", "MECTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "MECModelTests", dependencies: ["MECModel", "MECTestSupport"], swiftSettings: strict),
        .testTarget(name: "MECStoreTests", dependencies: ["MECStore"], swiftSettings: strict),
        .testTarget(name: "MECSecurityTests", dependencies: ["MECSecurity", "MECTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "MECDataPlaneTests", dependencies: ["MECDataPlane", "MECTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "MECNotificationsTests",
            dependencies: ["MECNotifications", "MECHTTP", "MECStore", "MECSecurity", "MECTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MECAuthTests",
            dependencies: [
                "MECAuth", "MECHost", "MECHTTP", "MECSecurity", "MECStore", "MECModel", "MECDataPlane",
                "MECTestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MECPlatformTests",
            dependencies: ["MECPlatform", "MECHost", "MECHTTP", "MECTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MECHostTests",
            dependencies: ["MECHost", "MECHTTP", "MECTestSupport", "mec"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MECCommandLineTests",
            dependencies: ["MECCommandLine", "MECHTTP", "MECSecurity", "MECTestSupport", "mec"],
            swiftSettings: strict
        ),
    ]
)
