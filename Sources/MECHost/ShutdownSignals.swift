import Dispatch
import Foundation
import MECObservability
import Synchronization

/// Waits for SIGTERM or SIGINT. Creating it takes the signals over from their default action, so a signal that
/// arrives while the host is still starting is not lost.
final class ShutdownSignals: Sendable {
    private struct State {
        var received: Int32?
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())
    // Unchecked: dispatch sources are thread-safe; the array is written once in init.
    private nonisolated(unsafe) var sources: [any DispatchSourceSignal] = []
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received(number) }
            source.resume()
            sources.append(source)
        }
    }

    private func received(_ number: Int32) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.received == nil else { return nil }
            state.received = number
            defer { state.waiter = nil }
            return state.waiter
        }
        logger.info("shutdown requested", ["signal": number == SIGTERM ? "SIGTERM" : "SIGINT"])
        waiter?.resume()
    }

    /// Returns once a signal has arrived.
    func wait() async {
        await withCheckedContinuation { continuation in
            let alreadyReceived = state.withLock { state -> Bool in
                if state.received != nil { return true }
                state.waiter = continuation
                return false
            }
            if alreadyReceived {
                continuation.resume()
            }
        }
    }
}
