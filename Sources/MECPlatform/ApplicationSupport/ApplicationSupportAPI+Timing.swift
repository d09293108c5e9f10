import CSystem
import Foundation
import MECHTTP
import MECModel

extension ApplicationSupportAPI {
    func registerTiming(in router: inout Router) {
        router.on(.get, Self.basePath + "/timing/current_time") { _ in
            try .json(Self.currentTime())
        }
        router.on(.get, Self.basePath + "/timing/timing_caps") { _ in
            let now = Self.currentTime()
            return try .json(
                TimingCaps(
                    timeStamp: [TimeStamp(seconds: now.seconds, nanoSeconds: now.nanoSeconds)],
                    ntpServers: [],
                    ptpMasters: []
                )
            )
        }
    }

    /// The host's clock, TRACEABLE only when the kernel reports it synchronized to a time source.
    static func currentTime() -> CurrentTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let synchronized = mec_clock_synchronized() == 1
        return CurrentTime(
            seconds: UInt32(truncatingIfNeeded: spec.tv_sec),
            nanoSeconds: UInt32(truncatingIfNeeded: spec.tv_nsec),
            timeSourceStatus: synchronized ? .traceable : .nonTraceable
        )
    }
}
