/// A point in time as seconds and nanoseconds since the Unix epoch (`TimeStamp`).
///
/// The service management file declares both members as `uint32` integers; the application support file declares
/// them as arrays of `uint32` with cardinality "1". Integers are encoded, and a one-element array is accepted when
/// decoding.
public struct TimeStamp: Codable, Sendable, Equatable {
    /// The seconds part of the time since January 1, 1970, 00:00:00 UTC.
    public var seconds: UInt32
    /// The nanoseconds part of the time.
    public var nanoSeconds: UInt32

    /// Creates a time stamp.
    public init(seconds: UInt32, nanoSeconds: UInt32) {
        self.seconds = seconds
        self.nanoSeconds = nanoSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case seconds, nanoSeconds
    }

    /// Decodes integers or one-element arrays of integers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seconds = try container.decodeScalarOrSingleton(UInt32.self, forKey: .seconds)
        nanoSeconds = try container.decodeScalarOrSingleton(UInt32.self, forKey: .nanoSeconds)
    }
}
