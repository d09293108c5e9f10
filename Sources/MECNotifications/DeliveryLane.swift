import MECHTTP

/// The delivery state of one subscriber: an in-memory window onto its pending notifications, in order.
///
/// `queue` always holds the oldest pending notifications of the subscriber, in store order. When it is full,
/// newer ones stay only in the store (`overflow`) and are paged in once the queue has drained.
struct DeliveryLane: Sendable {
    /// The oldest pending notifications, oldest first; the head is the one being delivered.
    var queue: [PendingNotification] = []
    /// Whether the store holds pending notifications of this lane that are not in `queue`.
    var overflow = false
    /// Counts notifications left in the store because the queue was full; paging compares it before and after.
    var skipped = 0
    /// Whether a delivery task runs for this lane.
    var active = false
    /// Whether the lane is reported as failing.
    var failing = false
    /// The websocket currently attached, for a websocket subscriber.
    var socket: WebSocketConnection?
}
