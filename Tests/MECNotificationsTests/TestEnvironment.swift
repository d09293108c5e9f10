import Foundation
import MECHTTP
import MECNotifications
import MECObservability
import MECSecurity
import MECStore

/// A temporary directory with a local CA and server certificate, a store file, and engines built on them.
final class TestEnvironment: Sendable {
    let directory: URL
    let tls: TLSSettings
    let caFile: String
    let sink = MemoryLogSink()
    let metrics = MetricsRegistry()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mec-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logger = Logger(label: "test", level: .warning, sink: MemoryLogSink())
        let authority = try LocalCertificateAuthority.loadOrCreate(directory: directory, logger: logger)
        let certificate = try ServerCertificate.loadOrCreate(
            directory: directory,
            authority: authority,
            names: [],
            logger: logger
        )
        tls = TLSSettings(certificatePEM: certificate.certificatePEM, privateKeyPEM: certificate.privateKeyPEM)
        caFile = authority.certificateFile.path
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var logger: Logger {
        Logger(label: "notify-test", level: .debug, sink: sink)
    }

    var storePath: String {
        directory.appendingPathComponent("mec.sqlite").path
    }

    func openStore() throws -> SQLiteStore {
        try SQLiteStore(path: storePath, logger: Logger(label: "store", level: .warning, sink: MemoryLogSink()))
    }

    func client() -> HTTPClient {
        HTTPClient(
            configuration: .init(caFile: caFile, connectTimeout: .seconds(2), requestTimeout: .seconds(5)),
            logger: logger
        )
    }

    /// Retry timing shortened for tests; the logic is the production one.
    static let fastConfiguration = NotificationEngine.Configuration(
        queueCapacity: 8,
        initialBackoff: .milliseconds(50),
        maxBackoff: .milliseconds(400),
        failingAfter: .milliseconds(300),
        expiryNotice: .seconds(1),
        expiryCheckInterval: .milliseconds(100)
    )

    func engine(
        store: any Store,
        configuration: NotificationEngine.Configuration = TestEnvironment.fastConfiguration,
        baseURL: @escaping @Sendable () -> String = { "https://localhost:1" }
    ) -> NotificationEngine {
        NotificationEngine(
            store: store,
            client: client(),
            baseURL: baseURL,
            configuration: configuration,
            metrics: metrics,
            logger: logger
        )
    }

    /// The log lines that carry `message`.
    func logLines(containing message: String) -> [String] {
        sink.lines.filter { $0.contains(message) }
    }
}

/// Waits until `condition` holds, checking every 20 ms, for at most `timeout`.
func eventually(
    timeout: Duration = .seconds(20),
    _ condition: @Sendable () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() {
            return true
        }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// A registration for a callback subscription in tests.
func callbackRegistration(
    _ id: String,
    url: String,
    test: Bool = false,
    expiry: Date? = nil
) -> SubscriptionRegistration {
    SubscriptionRegistration(
        id: id,
        owner: "app-1",
        apiName: "test_api",
        href: "https://localhost/test_api/v1/subscriptions/\(id)",
        callbackReference: url,
        requestTestNotification: test,
        expiryDeadline: expiry
    )
}

/// A notification body numbered `n`.
func body(_ n: Int) -> Data {
    Data(#"{"notificationType":"TestEvent","n":\#(n)}"#.utf8)
}
