/// The timing capabilities of the platform (`TimingCaps`, clause 7.1.2.4).
public struct TimingCaps: Codable, Sendable, Equatable {
    /// The time stamps, as the file declares them: a required array.
    public var timeStamp: [TimeStamp]
    /// The NTP servers.
    public var ntpServers: [NtpServers]
    /// The PTP masters.
    public var ptpMasters: [PtpMasters]

    /// Creates timing capabilities.
    public init(timeStamp: [TimeStamp], ntpServers: [NtpServers], ptpMasters: [PtpMasters]) {
        self.timeStamp = timeStamp
        self.ntpServers = ntpServers
        self.ptpMasters = ptpMasters
    }
}
