import Foundation
import MECHTTP
import MECModel
import MECNotifications
import MECObservability
import MECStore
import Synchronization
import Testing

@testable import MECPlatform

/// A service management API over a real SQLite store in a temporary directory, driven through a `Responder`.
///
/// The caller is taken from the `X-Test-Caller` header: `operator`, `app:<appInstanceId>`, or none for anonymous.
/// Notifications handed off are recorded in `sent`; the clock only moves when a test moves it.
final class ServiceManagementHarness: Sendable {
    static let baseURL = "https://mec.test:8443"
    static let root = baseURL + "/mec_service_mgmt/v1"
    static let tokenEndpoint = "https://mec.test:8443/oauth2/token"

    let store: SQLiteStore
    let api: ServiceManagementAPI
    let responder: Responder
    let metrics = MetricsRegistry()
    private let recorded = Locked<[PendingNotification]>([])
    private let time = Locked<Date>(Date(timeIntervalSince1970: 1_700_000_000.25))

    /// A value behind a lock that closures can share.
    final class Locked<Value: Sendable>: Sendable {
        private let mutex: Mutex<Value>

        init(_ value: Value) {
            mutex = Mutex(value)
        }

        func withLock<T>(_ body: (inout Value) -> T) -> T {
            mutex.withLock { body(&$0) }
        }
    }

    private init(
        store: SQLiteStore,
        tokenEndpoint: String?,
        configuration: ServiceManagementConfiguration,
        failingHandOff: Bool
    ) {
        self.store = store
        let logger = Logger(label: "service-management-test", level: .critical, sink: MemoryLogSink())
        let context = PlatformContext(
            store: store,
            caller: { request in
                switch request.headers["X-Test-Caller"] {
                case "operator"?: .operatorClient
                case let value? where value.hasPrefix("app:"): .application(appInstanceId: String(value.dropFirst(4)))
                default: .anonymous
                }
            },
            baseURL: { Self.baseURL },
            tokenEndpoint: { tokenEndpoint },
            metrics: metrics,
            logger: logger
        )
        let time = self.time
        let recorded = self.recorded
        let clock = ServiceManagementClock(
            now: { time.withLock { $0 } },
            sleep: { _ in try await Task.sleep(for: .milliseconds(5)) }
        )
        let engine = NotificationEngine(
            store: store,
            client: HTTPClient(),
            baseURL: { Self.baseURL },
            metrics: MetricsRegistry(),
            logger: logger
        )
        api = ServiceManagementAPI(context: context, configuration: configuration, clock: clock, engine: engine) {
            notifications in
            if failingHandOff {
                throw HTTPError.internal(reason: "test hand-off failure")
            }
            recorded.withLock { $0.append(contentsOf: notifications) }
        }
        var router = Router()
        api.register(in: &router)
        responder = Responder(router: router, middlewares: [], logger: logger)
    }

    /// Runs `body` with a harness whose store lives in a fresh temporary directory, removed afterwards.
    static func with<T>(
        tokenEndpoint: String? = tokenEndpoint,
        configuration: ServiceManagementConfiguration = ServiceManagementConfiguration(),
        failingHandOff: Bool = false,
        _ body: (ServiceManagementHarness) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("mec-service-management-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(
            path: directory.appendingPathComponent("mec.sqlite").path,
            logger: Logger(label: "store", level: .critical, sink: MemoryLogSink())
        )
        let harness = ServiceManagementHarness(
            store: store, tokenEndpoint: tokenEndpoint, configuration: configuration, failingHandOff: failingHandOff)
        do {
            let result = try await body(harness)
            await harness.api.stop()
            await store.close()
            return result
        } catch {
            await harness.api.stop()
            await store.close()
            throw error
        }
    }

    /// The notifications handed off so far.
    var sent: [PendingNotification] { recorded.withLock { $0 } }

    /// Forgets the notifications handed off so far.
    func clearSent() {
        recorded.withLock { $0.removeAll() }
    }

    /// The clock's current time.
    var now: Date { time.withLock { $0 } }

    /// Moves the clock forward.
    func advance(seconds: Double) {
        time.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sends a request to `path` below `/mec_service_mgmt/v1` and waits for the response.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        query: [(name: String, value: String)] = [],
        body: String? = nil,
        headers: [String: String] = [:],
        as caller: String? = "app:app-a"
    ) async -> Response {
        var request = Request(method: method, path: "/mec_service_mgmt/v1" + path, query: query)
        if let body {
            request.body = Data(body.utf8)
            request.headers["Content-Type"] = "application/json"
        }
        if let caller {
            request.headers["X-Test-Caller"] = caller
        }
        for (name, value) in headers {
            request.headers[name] = value
        }
        switch responder.respond(to: request) {
        case .ready(let response): return response
        case .pending(let work): return await work()
        }
    }

    /// Registers a service for `app` and returns it as answered.
    @discardableResult
    func register(_ overrides: [String: Any] = [:], app: String = "app-a") async throws -> ServiceInfo {
        let response = await send(
            .post, "/applications/\(app)/services", body: Self.serviceJSON(overrides), as: "app:\(app)")
        try #require(response.status == 201, "\(String(decoding: response.bodyData, as: UTF8.self))")
        return try decode(ServiceInfo.self, response)
    }

    /// Subscribes `app` with `criteria` (JSON text of `filteringCriteria`, or none) and returns the subscription id.
    func subscribe(_ criteria: String? = nil, app: String = "app-b") async throws -> String {
        var body = #"{"subscriptionType":"SerAvailabilityNotificationSubscription","#
        body += #""callbackReference":"https://\#(app).example/notify""#
        if let criteria {
            body += #","filteringCriteria":\#(criteria)"#
        }
        body += "}"
        let response = await send(.post, "/applications/\(app)/subscriptions", body: body, as: "app:\(app)")
        try #require(response.status == 201, "\(String(decoding: response.bodyData, as: UTF8.self))")
        let location = try #require(response.headers["Location"])
        return String(location.split(separator: "/").last ?? "")
    }

    /// How many documents `collection` holds.
    func count(_ collection: String) async throws -> Int {
        try await store.count(collection)
    }

    /// Decodes a response body.
    func decode<T: Decodable>(_ type: T.Type, _ response: Response) throws -> T {
        try MECModelCoding.decode(type, from: response.bodyData)
    }

    /// A response body as a JSON object.
    func object(_ response: Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.bodyData) as? [String: Any])
    }

    /// A valid registration body, with members replaced or added by `overrides` (`NSNull` removes one).
    static func serviceJSON(_ overrides: [String: Any] = [:]) -> String {
        var object: [String: Any] = [
            "serName": "rnis",
            "version": "2.2.1",
            "state": "ACTIVE",
            "serializer": "JSON",
            "serCategory": [
                "href": "https://catalogue.example/categories/rni", "id": "rni", "name": "RNI", "version": "v2",
            ],
            "transportInfo": transportJSON,
        ]
        for (key, value) in overrides {
            if value is NSNull {
                object[key] = nil
            } else {
                object[key] = value
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The application-provided transport of `serviceJSON`.
    static var transportJSON: [String: Any] {
        [
            "id": "app-rest", "name": "REST", "type": "REST_HTTP", "protocol": "HTTP", "version": "2.0",
            "endpoint": ["uris": ["https://app-a.example/rni/v2/"]], "security": [String: Any](),
        ]
    }

    /// A category reference as JSON.
    static func category(_ id: String) -> [String: Any] {
        ["href": "https://catalogue.example/categories/\(id)", "id": id, "name": id.uppercased(), "version": "v1"]
    }
}
