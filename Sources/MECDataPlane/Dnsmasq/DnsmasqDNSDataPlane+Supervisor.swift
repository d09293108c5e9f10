import Foundation
import MECObservability

extension DnsmasqDNSDataPlane {
    /// How long a dnsmasq must have run before its exit resets the restart backoff to the minimum.
    static let stableRunTime: Duration = .seconds(10)

    /// The one loop that starts, restarts and stops dnsmasq; every change of process happens here, in order.
    func supervise(_ events: AsyncStream<Event>) async {
        await withTaskGroup(of: Void.self) { group in
            var child = await launchServing()
            var backoff = configuration.restartBackoffMinimum
            var restartToken = 0

            func scheduleRestart(after delay: Duration) {
                restartToken += 1
                let token = restartToken
                let continuation = state.withLock { $0.events }
                logger.info("dnsmasq restart scheduled", ["delay_ms": String(delay.milliseconds)])
                group.addTask {
                    try? await Task.sleep(for: delay)
                    continuation?.yield(.restartDue(token: token))
                }
            }

            func nextBackoff() -> Duration {
                defer { backoff = min(backoff * 2, configuration.restartBackoffMaximum) }
                return backoff
            }

            if child == nil { scheduleRestart(after: nextBackoff()) }
            for await event in events {
                switch event {
                case .reload:
                    if let running = child {
                        await running.terminate(grace: configuration.stopGrace)
                    }
                    restartToken += 1
                    child = await launchServing()
                    if child == nil { scheduleRestart(after: nextBackoff()) }
                case .exited(let id, let exit):
                    guard let running = child, running.id == id else { continue }
                    logger.error(
                        "dnsmasq exited unexpectedly",
                        ["exit_status": String(exit.status), "by_signal": String(exit.bySignal), "child": String(id)]
                    )
                    state.withLock { $0.child = nil }
                    child = nil
                    if ContinuousClock.now - running.startedAt >= Self.stableRunTime {
                        backoff = configuration.restartBackoffMinimum
                    }
                    scheduleRestart(after: nextBackoff())
                case .restartDue(let token):
                    guard token == restartToken, child == nil else { continue }
                    child = await launchServing()
                    if child == nil { scheduleRestart(after: nextBackoff()) }
                case .stop:
                    if let running = child {
                        await running.terminate(grace: configuration.stopGrace)
                    }
                    state.withLock { $0.child = nil }
                    group.cancelAll()
                    return
                }
            }
        }
    }

    /// Starts a dnsmasq on the configuration file as it is now and waits until it answers; nil when it does not.
    ///
    /// Callers of ``apply(_:)`` waiting for the configuration this process was started from are released: with
    /// success when it answers, with the error otherwise.
    private func launchServing() async -> DnsmasqChild? {
        // A port picked automatically is free when picked but may be taken before dnsmasq binds it (exit while
        // starting): then another free port is tried, a few times.
        let attempts = configuration.port == 0 ? 4 : 1
        for attempt in 1...attempts {
            let (generation, id, port) = state.withLock { state in
                state.nextChildID += 1
                return (state.writtenGeneration, state.nextChildID, state.port)
            }
            let child = DnsmasqChild(id: id)
            do {
                let (executable, arguments) = commandLine(port: port)
                let events = state.withLock { $0.events }
                let childLogger = logger.child(label: logger.label + ".dnsmasq")
                try child.launch(executable: executable, arguments: arguments, logger: childLogger) { id, exit in
                    events?.yield(.exited(child: id, exit: exit))
                }
                state.withLock { $0.child = child }
                try await waitUntilAnswering(child, port: port)
                logger.debug("dnsmasq serving", ["pid": String(child.pid ?? 0), "generation": String(generation)])
                release(upTo: generation, with: nil)
                return child
            } catch {
                await child.terminate(grace: configuration.stopGrace)
                state.withLock { if $0.child === child { $0.child = nil } }
                if attempt < attempts, child.exit != nil, let next = try? FreePort.pick(address: listenAddress) {
                    logger.warning(
                        "dns port taken before dnsmasq bound it", ["port": String(port), "next": String(next)])
                    state.withLock { $0.port = next }
                    continue
                }
                logger.error("dnsmasq did not start serving", ["error": "\(error)", "generation": String(generation)])
                release(upTo: generation, with: error)
                return nil
            }
        }
        return nil
    }

    /// The program and arguments that run dnsmasq in the foreground on the generated file only.
    func commandLine(port: UInt16) -> (String, [String]) {
        let arguments = [
            "--keep-in-foreground",
            "--conf-file=\(configFile.path)",
            "--no-resolv",
            "--no-hosts",
            "--no-poll",
            "--listen-address=\(listenAddress)",
            "--bind-interfaces",
            "--port=\(port)",
            "--log-facility=-",
            "--pid-file=",
            "--no-ident",
            "--user=\(configuration.user)",
            "--group=\(configuration.group)",
        ]
        return (configuration.executablePath, arguments)
    }

    /// Queries the new process until it answers at all, which it does only once it has read its whole configuration.
    private func waitUntilAnswering(_ child: DnsmasqChild, port: UInt16) async throws {
        let client = DNSQuery(server: listenAddress, port: port, timeout: .milliseconds(200))
        let deadline = ContinuousClock.now + configuration.readinessTimeout
        while ContinuousClock.now < deadline {
            if let exit = child.exit {
                throw DNSDataPlaneError(.launchFailed, "dnsmasq exited while starting (\(exit))")
            }
            do {
                _ = try await client.resolve("readiness-check.invalid", type: .a)
                return
            } catch {
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
        throw DNSDataPlaneError(.notServing, "dnsmasq did not answer within the readiness timeout")
    }

    /// Resumes the waiters for configurations up to `generation`, with success when `error` is nil.
    private func release(upTo generation: Int, with error: (any Error)?) {
        let ready = state.withLock { state in
            if error == nil { state.servedGeneration = max(state.servedGeneration, generation) }
            let (done, waiting) = state.waiters.reduce(into: ([Waiter](), [Waiter]())) { parts, waiter in
                if waiter.generation <= generation { parts.0.append(waiter) } else { parts.1.append(waiter) }
            }
            state.waiters = waiting
            return done
        }
        for waiter in ready {
            if let error { waiter.continuation.resume(throwing: error) } else { waiter.continuation.resume() }
        }
    }
}
