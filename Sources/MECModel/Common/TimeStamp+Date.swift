import Foundation

extension TimeStamp {
    /// The time stamp of a date, truncated to whole nanoseconds.
    public init(date: Date) {
        let interval = max(0, date.timeIntervalSince1970)
        let seconds = interval.rounded(.down)
        self.init(
            seconds: UInt32(clamping: Int64(seconds)),
            nanoSeconds: UInt32(clamping: Int64((interval - seconds) * 1_000_000_000))
        )
    }

    /// The date this time stamp names.
    public var date: Date {
        Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanoSeconds) / 1_000_000_000)
    }
}
