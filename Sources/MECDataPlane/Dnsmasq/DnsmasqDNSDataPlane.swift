import Foundation
import MECObservability
import Synchronization

/// A ``DNSDataPlane`` that runs dnsmasq as a supervised child process answering exactly the applied records.
///
/// dnsmasq runs in the foreground with only the generated configuration file: no system configuration, no
/// `/etc/hosts`, no `/etc/resolv.conf`, no upstream server, bound to the one configured address. Names it was not
/// given get REFUSED and are never forwarded, so it cannot serve as an open resolver. Each domain it serves is also
/// declared local, so a type the domain lacks (AAAA for an IPv4-only name) gets an empty NOERROR, and names under it
/// get NXDOMAIN.
///
/// Reloading: a change of records rewrites the configuration file atomically and restarts dnsmasq, because
/// `host-record` lines, the only form that carries a time to live per record, are read only at start; SIGHUP
/// re-reads hosts files, which have one global time to live and must stay readable after dnsmasq drops its
/// privileges. Measured with `bench/dns-reload/run` on loopback, 2 shared cores: around a restart the longest time
/// without an answer is about 5 to 9 ms (at most about 16 ms), and one or two queries in flight at that moment go
/// unanswered, so their clients retry; SIGHUP loses no query and stalls 1 to 3 ms. Rule changes are rare next to
/// queries, and honouring each rule's TTL
/// is part of the MEC contract, so restart it is. ``apply(_:)`` returns once the new process answers queries, and a
/// process answers only after it has loaded the whole file, so a returned `apply` means every record is live.
///
/// Supervision: a dnsmasq that exits on its own is logged at error level with its exit status and restarted after
/// a backoff that doubles from ``Configuration/restartBackoffMinimum`` up to ``Configuration/restartBackoffMaximum``.
/// ``stop()`` sends SIGTERM, then SIGKILL after ``Configuration/stopGrace``, and reaps the process. When the host is
/// killed without a chance to stop, a small watchdog shell started next to dnsmasq notices (its stdin, the other end
/// of a socket only the host holds, reaches end of file) and kills dnsmasq, so no dnsmasq outlives the host.
///
/// Limitation: the watchdog is started just after dnsmasq; a host killed in the instant between the two leaves that
/// one dnsmasq running until someone ends it.
///
/// Every dnsmasq output line is logged at debug level, or at warning level when it looks like an error.
public final class DnsmasqDNSDataPlane: DNSDataPlane {
    enum Event: Sendable {
        case reload
        case exited(child: Int, exit: DnsmasqChild.Exit)
        case restartDue(token: Int)
        case stop
    }

    enum Phase {
        case idle
        case running
        case stopping
        case stopped
    }

    struct Waiter {
        var generation: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    struct State {
        var phase = Phase.idle
        var port: UInt16 = 0
        var records: [DNSRecord] = []
        var writtenGeneration = 0
        var servedGeneration = 0
        var waiters: [Waiter] = []
        var events: AsyncStream<Event>.Continuation?
        var supervisor: Task<Void, Never>?
        var child: DnsmasqChild?
        var nextChildID = 0
    }

    /// The settings this data plane was created with.
    public let configuration: Configuration
    let logger: Logger
    let configFile: DnsmasqConfigFile
    let state = Mutex(State())

    /// Creates a data plane; nothing runs until ``start()``.
    ///
    /// - Parameters:
    ///   - configuration: where to listen, where to keep files, and timing.
    ///   - logger: receives supervision events and dnsmasq's own output.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.configFile = DnsmasqConfigFile(path: configuration.workingDirectory + "/dnsmasq.conf")
    }

    /// The configured listen address.
    public var listenAddress: String {
        configuration.listenAddress
    }

    /// The port in use: the configured one, or the one picked at start when it was 0 (0 until then).
    public var port: UInt16 {
        state.withLock { $0.port }
    }

    /// The process id of the dnsmasq serving now, or nil while none runs.
    public var processIdentifier: Int32? {
        state.withLock { $0.child?.pid }
    }

    /// The records being served, in canonical form and order.
    public var records: [DNSRecord] {
        state.withLock { $0.records }
    }

    /// Prepares the working directory, picks a port when configured with 0, and starts dnsmasq with no records.
    ///
    /// - Throws: ``DNSDataPlaneError`` with ``DNSDataPlaneError/Code/io``, ``DNSDataPlaneError/Code/launchFailed`` or
    ///   ``DNSDataPlaneError/Code/notServing``; nothing keeps running then.
    public func start() async throws {
        try DnsmasqConfigFile.prepareDirectory(configuration.workingDirectory)
        let port = configuration.port == 0 ? try FreePort.pick(address: listenAddress) : configuration.port
        guard SocketAddress(host: listenAddress, port: port) != nil else {
            throw DNSDataPlaneError(.launchFailed, "listen address is not a numeric IP address")
        }
        let (events, continuation) = AsyncStream.makeStream(of: Event.self)
        let generation = try state.withLock { state in
            guard state.phase == .idle else { throw DNSDataPlaneError(.launchFailed, "data plane was already started") }
            try configFile.write(DnsmasqConfigFile.render([], defaultTTL: configuration.defaultTTL))
            state.phase = .running
            state.port = port
            state.writtenGeneration += 1
            state.events = continuation
            return state.writtenGeneration
        }
        let task = Task { await self.supervise(events) }
        state.withLock { $0.supervisor = task }
        logger.info("dns data plane starting", ["address": listenAddress, "port": String(port)])
        do {
            try await waitUntilServed(generation)
        } catch {
            await stop()
            throw error
        }
    }

    /// Checks every record, writes the new configuration and returns once dnsmasq serves it.
    ///
    /// - Throws: ``DNSDataPlaneError``: a validation code with ``DNSDataPlaneError/recordIndex`` when a record is bad
    ///   (nothing changes); ``DNSDataPlaneError/Code/notRunning`` before ``start()`` or after ``stop()``;
    ///   ``DNSDataPlaneError/Code/launchFailed`` or ``DNSDataPlaneError/Code/notServing`` when dnsmasq did not come
    ///   up with the new records (the supervisor keeps trying).
    public func apply(_ records: [DNSRecord]) async throws {
        var checked: [DNSRecord] = []
        for (index, record) in records.enumerated() {
            do {
                checked.append(try record.validated())
            } catch var error as DNSDataPlaneError {
                error.recordIndex = index
                throw error
            }
        }
        let desired = Set(checked).sorted(by: Self.canonicalOrder)
        let generation = try state.withLock { state -> Int? in
            guard state.phase == .running, let events = state.events else {
                throw DNSDataPlaneError(.notRunning, "data plane is not running")
            }
            if desired == state.records && state.servedGeneration >= state.writtenGeneration {
                return nil
            }
            try configFile.write(DnsmasqConfigFile.render(desired, defaultTTL: configuration.defaultTTL))
            state.records = desired
            state.writtenGeneration += 1
            events.yield(.reload)
            return state.writtenGeneration
        }
        guard let generation else { return }
        logger.debug("dns records applied", ["records": String(desired.count), "generation": String(generation)])
        try await waitUntilServed(generation)
    }

    /// Stops dnsmasq (SIGTERM, then SIGKILL after the grace period) and waits until it has been reaped.
    ///
    /// Calls to ``apply(_:)`` still waiting fail with ``DNSDataPlaneError/Code/stopped``. Calling it again, or before
    /// ``start()``, does nothing.
    public func stop() async {
        let supervisor = state.withLock { state -> Task<Void, Never>? in
            guard state.phase == .running else { return nil }
            state.phase = .stopping
            state.events?.yield(.stop)
            return state.supervisor
        }
        guard let supervisor else { return }
        await supervisor.value
        let waiters = state.withLock { state in
            state.phase = .stopped
            state.events?.finish()
            state.events = nil
            state.supervisor = nil
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters {
            waiter.continuation.resume(throwing: DNSDataPlaneError(.stopped, "data plane stopped"))
        }
        logger.info("dns data plane stopped")
    }

    /// Waits until a dnsmasq started from configuration `generation` or later answers queries.
    private func waitUntilServed(_ generation: Int) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let served = state.withLock { state -> Bool in
                if state.servedGeneration >= generation { return true }
                state.waiters.append(Waiter(generation: generation, continuation: continuation))
                return false
            }
            if served { continuation.resume() }
        }
    }

    static func canonicalOrder(_ lhs: DNSRecord, _ rhs: DNSRecord) -> Bool {
        (lhs.domainName, lhs.addressType.rawValue, lhs.address, lhs.ttl ?? -1)
            < (rhs.domainName, rhs.addressType.rawValue, rhs.address, rhs.ttl ?? -1)
    }
}
