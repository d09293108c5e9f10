/// One IP address and port pair at which a service or application can be reached (`Addresses`).
public struct Addresses: Codable, Sendable, Equatable {
    /// The host portion of the address.
    public var host: String
    /// The port portion of the address.
    public var port: Int

    /// Creates an address and port pair.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}
