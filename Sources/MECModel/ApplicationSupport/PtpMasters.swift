/// A PTP master the platform uses (`PtpMasters`, part of `TimingCaps`).
///
/// As for `NtpServers`, the file declares arrays with a cardinality of "1"; single values are encoded, and
/// one-element arrays are accepted when decoding.
public struct PtpMasters: Codable, Sendable, Equatable {
    /// The IP address of the master.
    public var ptpMasterIpAddress: String
    /// The local priority of the master.
    public var ptpMasterLocalPriority: UInt32
    /// The maximum rate of delay requests.
    public var delayReqMaxRate: UInt32

    /// Creates a PTP master description.
    public init(ptpMasterIpAddress: String, ptpMasterLocalPriority: UInt32, delayReqMaxRate: UInt32) {
        self.ptpMasterIpAddress = ptpMasterIpAddress
        self.ptpMasterLocalPriority = ptpMasterLocalPriority
        self.delayReqMaxRate = delayReqMaxRate
    }

    private enum CodingKeys: String, CodingKey {
        case ptpMasterIpAddress, ptpMasterLocalPriority, delayReqMaxRate
    }

    /// Decodes single values or one-element arrays.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ptpMasterIpAddress = try container.decodeScalarOrSingleton(String.self, forKey: .ptpMasterIpAddress)
        ptpMasterLocalPriority = try container.decodeScalarOrSingleton(UInt32.self, forKey: .ptpMasterLocalPriority)
        delayReqMaxRate = try container.decodeScalarOrSingleton(UInt32.self, forKey: .delayReqMaxRate)
    }
}
