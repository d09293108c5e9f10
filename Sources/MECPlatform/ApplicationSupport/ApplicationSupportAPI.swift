import Foundation
import MECHTTP
import MECModel
import MECNotifications
import MECObservability
import MECStore
import Synchronization

/// MEC 011 application support (`/mec_app_support/v1`): registrations, readiness and termination, application
/// termination subscriptions, traffic and DNS rules, and timing.
///
/// Traffic rules are stored, validated and served; nothing enforces them yet. DNS rules take effect through the
/// `applyDNSRules` hand-off, which receives every ACTIVE rule of every instance after each change. Termination
/// subscriptions live in the notification engine, which delivers by callback or websocket.
public final class ApplicationSupportAPI: Sendable {
    /// The base path of the API.
    public static let basePath = "/mec_app_support/v1"
    /// The name the notification engine knows termination subscriptions by.
    public static let terminationAPI = "mec011.app_termination"

    let context: PlatformContext
    let engine: NotificationEngine
    let applyDNSRules: @Sendable ([DnsRule]) async throws -> Void
    let onDeregistered: @Sendable (String) async -> Void
    let terminations = Mutex<[String: Task<Void, Never>]>([:])
    /// Serializes DNS rule changes, so the data plane always receives the set that matches the store.
    let dnsChanges = DNSChangeQueue()

    /// Creates the API.
    ///
    /// - Parameters:
    ///   - context: store, caller resolution and URLs.
    ///   - engine: keeps termination subscriptions and delivers their notifications.
    ///   - applyDNSRules: makes the given rules (every ACTIVE DNS rule of the host) answer; throws if it cannot.
    ///   - onDeregistered: called after an instance's registration is removed, to remove what it offered.
    public init(
        context: PlatformContext,
        engine: NotificationEngine,
        applyDNSRules: @escaping @Sendable ([DnsRule]) async throws -> Void,
        onDeregistered: @escaping @Sendable (String) async -> Void = { _ in }
    ) {
        self.context = context
        self.engine = engine
        engine.register(api: NotificationAPI(name: Self.terminationAPI))
        self.applyDNSRules = applyDNSRules
        self.onDeregistered = onDeregistered
    }

    /// Adds every route of the API.
    public func register(in router: inout Router) {
        registerRegistrations(in: &router)
        registerSubscriptions(in: &router)
        registerRules(in: &router)
        registerTiming(in: &router)
    }

    /// Brings the DNS data plane in line with the stored rules.
    public func start() async throws {
        try await dnsChanges.run { try await self.applyStoredDNSRules() }
    }

    /// Cancels pending termination timers.
    public func stop() async {
        let pending = terminations.withLock { tasks in
            defer { tasks.removeAll() }
            return Array(tasks.values)
        }
        for task in pending {
            task.cancel()
        }
    }

    func url(_ path: String) -> String {
        context.baseURL() + Self.basePath + path
    }

    func registration(_ appInstanceId: String) async throws -> (RegistrationRecord, StoredDocument)? {
        guard let document = try await context.store.get(Collections.registrations, id: appInstanceId) else {
            return nil
        }
        return (try document.decode(RegistrationRecord.self), document)
    }

    func requireRegistration(_ appInstanceId: String) async throws -> (RegistrationRecord, StoredDocument) {
        guard let found = try await registration(appInstanceId) else {
            throw HTTPError.notFound("No application instance with this identifier is registered.")
        }
        return found
    }
}

/// Runs DNS rule changes one at a time, in the order they arrive (an actor alone would interleave them at each
/// suspension point).
actor DNSChangeQueue {
    private var tail: Task<Void, Never>?

    func run<T: Sendable>(_ change: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tail
        let task = Task { () async throws -> T in
            await previous?.value
            return try await change()
        }
        tail = Task { _ = try? await task.value }
        return try await task.value
    }
}
