extension NotificationEngine {
    /// Settings of a ``NotificationEngine``; the defaults suit one MEC host.
    public struct Configuration: Sendable {
        /// Notifications held in memory per subscriber; more wait in the store and are paged in as the queue
        /// drains, so nothing is dropped when it is full.
        public var queueCapacity: Int
        /// The first retry delay bound; each failure doubles it up to ``maxBackoff``. The delay is drawn
        /// uniformly between zero and the bound (full jitter).
        public var initialBackoff: Duration
        /// The largest retry delay bound: a receiver that comes back is served within about this long.
        public var maxBackoff: Duration
        /// How long a subscriber fails without a success before it is reported as failing (log and gauge).
        public var failingAfter: Duration
        /// Notifications older than this are dropped undelivered and counted with outcome `too_old`.
        public var maxNotificationAge: Duration
        /// How long before its `expiryDeadline` a subscription gets its expiry notification.
        public var expiryNotice: Duration
        /// How often deadlines are checked.
        public var expiryCheckInterval: Duration
        /// The path of the websocket route; the channel id follows it as the last segment.
        public var websocketPath: String
        /// Most delivered notifications removed from the store in one write.
        public var acknowledgementBatchSize: Int

        /// Creates a configuration.
        public init(
            queueCapacity: Int = 64,
            initialBackoff: Duration = .milliseconds(250),
            maxBackoff: Duration = .seconds(5),
            failingAfter: Duration = .seconds(30),
            maxNotificationAge: Duration = .seconds(24 * 3600),
            expiryNotice: Duration = .seconds(60),
            expiryCheckInterval: Duration = .seconds(1),
            websocketPath: String = "/mec_notifications/v1/websockets",
            acknowledgementBatchSize: Int = 500
        ) {
            self.queueCapacity = max(1, queueCapacity)
            self.initialBackoff = initialBackoff
            self.maxBackoff = maxBackoff
            self.failingAfter = failingAfter
            self.maxNotificationAge = maxNotificationAge
            self.expiryNotice = expiryNotice
            self.expiryCheckInterval = expiryCheckInterval
            self.websocketPath = websocketPath
            self.acknowledgementBatchSize = max(1, acknowledgementBatchSize)
        }
    }
}
