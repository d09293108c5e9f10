import Foundation
import MECObservability
import Synchronization

/// One dnsmasq process, its output reader, and a watchdog that ends it if the host dies without stopping it.
///
/// dnsmasq switches to an unprivileged user, which clears any parent-death signal, so a watchdog does that job: a
/// shell whose stdin is one end of a socket pair whose other end only this process holds. When the host exits, even
/// by SIGKILL, the kernel closes that end, the shell's `read` returns and it kills dnsmasq. In normal operation the
/// watchdog is killed and reaped after dnsmasq has ended but before dnsmasq is reaped, so it can never signal a
/// reused process id.
final class DnsmasqChild: Sendable {
    /// How a child ended.
    struct Exit: Sendable, Hashable, CustomStringConvertible {
        /// The exit code, or the signal number when ``bySignal``.
        var status: Int32
        /// Whether a signal ended the process.
        var bySignal: Bool

        init(waitStatus: Int32) {
            bySignal = waitStatus & 0x7f != 0
            status = bySignal ? waitStatus & 0x7f : (waitStatus >> 8) & 0xff
        }

        var description: String {
            bySignal ? "signal \(status)" : "exit \(status)"
        }
    }

    private struct State {
        var pid: pid_t?
        var exit: Exit?
    }

    /// Distinguishes successive children in the supervisor's events.
    let id: Int
    /// When the child was started.
    let startedAt = ContinuousClock.now
    private let state = Mutex(State())

    init(id: Int) {
        self.id = id
    }

    /// The process id while the process runs.
    var pid: pid_t? {
        state.withLock { $0.exit == nil ? $0.pid : nil }
    }

    /// How the process ended, once it has ended and been reaped.
    var exit: Exit? {
        state.withLock { $0.exit }
    }

    /// Starts the process and its watchdog; `onExit` is called once the process has ended and been reaped.
    func launch(
        executable: String,
        arguments: [String],
        logger: Logger,
        onExit: @escaping @Sendable (Int, Exit) -> Void
    ) throws {
        let output = try ChildSpawner.pipe()
        let pid: pid_t
        do {
            pid = try ChildSpawner.spawn(executable, arguments, standardInput: nil, standardError: output.write)
        } catch {
            close(output.read)
            close(output.write)
            throw error
        }
        close(output.write)
        let (watchdog, lifeline) = Self.startWatchdog(for: pid, logger: logger)
        state.withLock { $0.pid = pid }

        let reader = Thread {
            Self.forwardLines(from: output.read, to: logger, pid: pid)
            close(output.read)
        }
        reader.name = "dnsmasq output"
        reader.start()
        let waiter = Thread { [self, id] in
            ChildSpawner.waitForEnd(pid)
            if let watchdog {
                kill(watchdog, SIGKILL)
                _ = ChildSpawner.reap(watchdog)
            }
            if let lifeline { close(lifeline) }
            let exit = Exit(waitStatus: ChildSpawner.reap(pid))
            state.withLock { $0.exit = exit }
            onExit(id, exit)
        }
        waiter.name = "dnsmasq waiter"
        waiter.start()
    }

    /// Starts the shell that kills `pid` once this process's end of the lifeline closes; nil values when it cannot.
    private static func startWatchdog(for pid: pid_t, logger: Logger) -> (pid_t?, Int32?) {
        do {
            let lifeline = try ChildSpawner.pipe()
            defer { close(lifeline.read) }
            do {
                let script = "read -r _; kill -KILL \"$1\" 2>/dev/null"
                let watchdog = try ChildSpawner.spawn(
                    "/bin/sh",
                    ["-c", script, "dnsmasq-watchdog", String(pid)],
                    standardInput: lifeline.read,
                    standardError: nil
                )
                return (watchdog, lifeline.write)
            } catch {
                close(lifeline.write)
                throw error
            }
        } catch {
            logger.warning("dnsmasq watchdog not started; dnsmasq outlives a killed host", ["pid": String(pid)])
            return (nil, nil)
        }
    }

    /// Sends SIGTERM, waits up to `grace`, then sends SIGKILL and waits for the process to be reaped.
    /// Does nothing when the process was never started.
    func terminate(grace: Duration) async {
        guard state.withLock({ $0.pid != nil }) else { return }
        signal(SIGTERM)
        if await waitForExit(within: grace) { return }
        signal(SIGKILL)
        _ = await waitForExit(within: .seconds(10))
    }

    /// Sends `number` to the process while it runs.
    func signal(_ number: Int32) {
        state.withLock { state in
            guard state.exit == nil, let pid = state.pid else { return }
            kill(pid, number)
        }
    }

    /// Waits until the process has ended and been reaped, up to `limit`; returns whether it has.
    func waitForExit(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while exit == nil {
            guard ContinuousClock.now < deadline else { return false }
            do {
                try await Task.sleep(for: .milliseconds(5))
            } catch {
                usleep(5_000)
            }
        }
        return true
    }

    /// Reads stderr lines until every holder of the pipe has closed it, logging each one.
    private static func forwardLines(from fd: Int32, to logger: Logger, pid: Int32) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            pending.append(contentsOf: buffer.prefix(count))
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                log(line: String(decoding: pending[..<newline], as: UTF8.self), to: logger, pid: pid)
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty {
            log(line: String(decoding: pending, as: UTF8.self), to: logger, pid: pid)
        }
    }

    private static func log(line: String, to logger: Logger, pid: Int32) {
        // dnsmasq starts each line with "dnsmasq[pid]: " (or "dnsmasq: " for fatal errors); the pid is in metadata.
        let text = line.firstRange(of: ": ").map { String(line[$0.upperBound...]) } ?? line
        let lower = text.lowercased()
        let looksLikeError = ["fail", "error", "illegal", "cannot", "bad ", "unknown", "denied", "not "].contains {
            lower.contains($0)
        }
        let metadata = ["line": text, "pid": String(pid)]
        if looksLikeError {
            logger.warning("dnsmasq reported a problem", metadata)
        } else {
            logger.debug("dnsmasq output", metadata)
        }
    }
}
