import Foundation

/// The time source of the service management API: the wall clock for heartbeat times and a sleep for the liveness
/// watchdog. Tests pass a clock they move by hand.
public struct ServiceManagementClock: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// Suspends for a duration; throws when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock from its two operations.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The system clock.
    public static let system = ServiceManagementClock(
        now: { Date() },
        sleep: { duration in try await Task.sleep(for: duration) }
    )
}
