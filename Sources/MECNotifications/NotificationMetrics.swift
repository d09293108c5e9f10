import MECObservability

/// The metric families of the engine.
struct NotificationMetrics: Sendable {
    /// Delivery outcomes: `delivered`, `failed` (one failed attempt), `too_old` (given up by age),
    /// `subscription_removed` (found on a lane after its subscription went), `discarded` (removed with its
    /// subscription).
    let deliveries: CounterFamily
    /// Notifications accepted and not yet delivered.
    let pending: GaugeFamily
    /// Subscribers currently reported as failing.
    let failingSubscribers: GaugeFamily
    /// Seconds from `publish` to delivery, by channel.
    let latency: HistogramFamily

    init(registry: MetricsRegistry) {
        deliveries = registry.counter(
            "mec_notification_deliveries_total",
            help: "Notification delivery outcomes.",
            labels: ["outcome", "channel"]
        )
        pending = registry.gauge("mec_notification_pending", help: "Notifications accepted and not yet delivered.")
        failingSubscribers = registry.gauge(
            "mec_notification_failing_subscribers",
            help: "Subscribers whose deliveries keep failing."
        )
        latency = registry.histogram(
            "mec_notification_delivery_seconds",
            help: "Seconds from publish to delivery.",
            labels: ["channel"],
            buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300]
        )
    }
}
