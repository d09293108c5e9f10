/// Receives the notifications a service change causes, after the change is durable in the store.
///
/// The service management API calls it once per change (or per watchdog sweep) with every notification that change
/// causes, one per matching subscription, and never with an empty list. The HTTP answer waits for it, so it should
/// queue the notifications and return; delivery, retries and ordering belong to the receiver. An error it throws is
/// logged and does not undo the change or alter the HTTP answer.
public typealias ServiceNotificationHandOff = @Sendable ([PendingNotification]) async throws -> Void
