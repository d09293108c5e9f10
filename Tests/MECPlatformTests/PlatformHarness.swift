import Foundation
import MECHTTP
import MECModel
import MECNotifications
import MECObservability
import MECStore
import Synchronization

@testable import MECPlatform

/// A MEC 011 API over a real SQLite file, driven through the same responder the server uses. The caller is named
/// by the test in an `X-Test-Caller` header (`operator` or `app:<id>`), standing in for the token check.
final class PlatformHarness: Sendable {
    let directory: URL
    let store: SQLiteStore
    let context: PlatformContext
    let engine: NotificationEngine
    let dnsApplied = Mutex<[[DnsRule]]>([])
    let dnsFailure = Atomic<Bool>(false)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mec-platform-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logger = Logger(label: "test", sink: MemoryLogSink())
        store = try SQLiteStore(path: directory.appendingPathComponent("mec.sqlite").path, logger: logger)
        context = PlatformContext(
            store: store,
            caller: { request in
                switch request.headers["X-Test-Caller"] {
                case "operator"?: return .operatorClient
                case let value? where value.hasPrefix("app:"):
                    return .application(appInstanceId: String(value.dropFirst(4)))
                default: return .anonymous
                }
            },
            baseURL: { "https://mec.test" },
            tokenEndpoint: { "https://mec.test/oauth2/token" },
            metrics: MetricsRegistry(),
            logger: logger
        )
        engine = NotificationEngine(
            store: store,
            client: HTTPClient(),
            baseURL: { "https://mec.test" },
            metrics: MetricsRegistry(),
            logger: logger
        )
    }

    /// What the engine holds for delivery (it is not started, so nothing leaves): subscription id and body.
    func pendingNotifications() async throws -> [(subscriptionID: String, body: [String: Any])] {
        try await store.list(NotificationEngine.pendingCollection).map { document in
            let object = try JSONSerialization.jsonObject(with: document.body) as? [String: Any] ?? [:]
            let payload = Data(base64Encoded: object["payload"] as? String ?? "") ?? Data()
            let body = try JSONSerialization.jsonObject(with: payload) as? [String: Any] ?? [:]
            return (object["subscriptionID"] as? String ?? "", body)
        }
    }

    func applicationSupport() -> ApplicationSupportAPI {
        ApplicationSupportAPI(
            context: context,
            engine: engine,
            applyDNSRules: { [self] rules in
                if dnsFailure.load(ordering: .relaxed) { throw HTTPError(status: 500) }
                dnsApplied.withLock { $0.append(rules) }
            }
        )
    }

    func responder(_ register: (inout Router) -> Void) -> Responder {
        var router = Router()
        register(&router)
        return Responder(router: router, middlewares: [], logger: context.logger)
    }

    func close() async {
        await store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

extension Responder {
    /// Sends a request as `caller` and returns the response.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        as caller: String = "operator",
        json: String? = nil,
        headers extra: HTTPHeaders = HTTPHeaders()
    ) async -> Response {
        var headers = extra
        headers["X-Test-Caller"] = caller
        if json != nil {
            headers["Content-Type"] = "application/json"
        }
        let request = Request(method: method, path: path, headers: headers, body: Data((json ?? "").utf8))
        switch respond(to: request) {
        case .ready(let response): return response
        case .pending(let work): return await work()
        }
    }
}

extension Response {
    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: bodyData)) as? [String: Any] ?? [:]
    }

    /// The body as a JSON array.
    var array: [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: bodyData)) as? [[String: Any]] ?? []
    }
}
