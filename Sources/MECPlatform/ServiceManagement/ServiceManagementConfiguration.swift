/// Settings of the service management API (`/mec_service_mgmt/v1`), with defaults that suit one MEC host.
public struct ServiceManagementConfiguration: Sendable {
    /// The liveness intervals, in seconds, the platform accepts; a non-zero proposal outside is moved to the
    /// nearest bound ("The MEC platform may use the value proposed in the request or may choose a different value").
    public var livenessIntervalRange: ClosedRange<Int>

    /// How late a heartbeat may be, on top of the interval, before the service is suspended; covers network delay
    /// and the watchdog's own period.
    public var livenessGrace: Duration

    /// How often the watchdog looks for services whose heartbeat is overdue.
    public var livenessCheckPeriod: Duration

    /// The longest request URI (path and query) a discovery query may have; longer ones get 414.
    public var maximumURILength: Int

    /// Creates a configuration.
    public init(
        livenessIntervalRange: ClosedRange<Int> = 1...3600,
        livenessGrace: Duration = .seconds(2),
        livenessCheckPeriod: Duration = .seconds(1),
        maximumURILength: Int = 8000
    ) {
        self.livenessIntervalRange = livenessIntervalRange
        self.livenessGrace = livenessGrace
        self.livenessCheckPeriod = livenessCheckPeriod
        self.maximumURILength = maximumURILength
    }
}
