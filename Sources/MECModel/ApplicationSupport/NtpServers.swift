/// An NTP server the platform uses (`NtpServers`, part of `TimingCaps`).
///
/// The file declares every member as an array while giving each a cardinality of "1" (and `format: uint32` on the
/// arrays); single values are encoded, and one-element arrays are accepted when decoding.
public struct NtpServers: Codable, Sendable, Equatable {
    /// The type of the server address, such as `IP_ADDRESS` or `DNS_NAME`.
    public var ntpServerAddrType: String
    /// The address of the server.
    public var ntpServerAddr: String
    /// The minimum poll interval.
    public var minPollingInterval: UInt32
    /// The maximum poll interval.
    public var maxPollingInterval: UInt32
    /// The local priority of the server.
    public var localPriority: UInt32
    /// The authentication option, such as `NONE` or `SYMMETRIC_KEY`.
    public var authenticationOption: String
    /// The authentication key number.
    public var authenticationKeyNum: UInt32

    /// Creates an NTP server description.
    public init(
        ntpServerAddrType: String,
        ntpServerAddr: String,
        minPollingInterval: UInt32,
        maxPollingInterval: UInt32,
        localPriority: UInt32,
        authenticationOption: String,
        authenticationKeyNum: UInt32
    ) {
        self.ntpServerAddrType = ntpServerAddrType
        self.ntpServerAddr = ntpServerAddr
        self.minPollingInterval = minPollingInterval
        self.maxPollingInterval = maxPollingInterval
        self.localPriority = localPriority
        self.authenticationOption = authenticationOption
        self.authenticationKeyNum = authenticationKeyNum
    }

    private enum CodingKeys: String, CodingKey {
        case ntpServerAddrType, ntpServerAddr, minPollingInterval, maxPollingInterval, localPriority
        case authenticationOption, authenticationKeyNum
    }

    /// Decodes single values or one-element arrays.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ntpServerAddrType = try container.decodeScalarOrSingleton(String.self, forKey: .ntpServerAddrType)
        ntpServerAddr = try container.decodeScalarOrSingleton(String.self, forKey: .ntpServerAddr)
        minPollingInterval = try container.decodeScalarOrSingleton(UInt32.self, forKey: .minPollingInterval)
        maxPollingInterval = try container.decodeScalarOrSingleton(UInt32.self, forKey: .maxPollingInterval)
        localPriority = try container.decodeScalarOrSingleton(UInt32.self, forKey: .localPriority)
        authenticationOption = try container.decodeScalarOrSingleton(String.self, forKey: .authenticationOption)
        authenticationKeyNum = try container.decodeScalarOrSingleton(UInt32.self, forKey: .authenticationKeyNum)
    }
}
