/// The platform time (`CurrentTime`, clause 7.1.2.5).
public struct CurrentTime: Codable, Sendable, Equatable {
    /// The seconds since January 1, 1970, 00:00:00 UTC.
    public var seconds: UInt32
    /// The nanoseconds part of the time.
    public var nanoSeconds: UInt32
    /// Whether the time source is locked to UTC.
    public var timeSourceStatus: TimeSourceStatus

    /// Creates a platform time.
    public init(seconds: UInt32, nanoSeconds: UInt32, timeSourceStatus: TimeSourceStatus) {
        self.seconds = seconds
        self.nanoSeconds = nanoSeconds
        self.timeSourceStatus = timeSourceStatus
    }
}
