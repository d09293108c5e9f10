import Foundation
import MECHTTP
import MECObservability
import MECStore

extension NotificationEngine {
    /// The result of one delivery attempt.
    enum Attempt: Sendable {
        case delivered
        case failed(reason: String)
        case waitForSocket
        case cancelled
    }

    /// What a lane does next.
    private enum Step: Sendable {
        case deliver(PendingNotification)
        case page(marker: Int)
        case done(closing: WebSocketConnection?)
    }

    /// Delivers the lane's notifications one at a time, oldest first, until it has none (or its websocket is gone).
    func runLane(_ key: String) async {
        var failures = 0
        var failingSince: ContinuousClock.Instant?
        var generator = SystemRandomNumberGenerator()
        let backoff = Backoff(initial: configuration.initialBackoff, maximum: configuration.maxBackoff)
        while !Task.isCancelled {
            guard let notification = await next(key) else { return }
            let (target, giveUp) = state.withLock { state in
                Self.resolve(notification, state, maxAge: configuration.maxNotificationAge)
            }
            if let giveUp {
                finish(notification, key: key, outcome: giveUp, channel: target.kind)
                logger.warning("notification dropped", ["subscription_id": key, "reason": giveUp])
                continue
            }
            switch await attempt(notification, key: key, target: target) {
            case .delivered:
                finish(notification, key: key, outcome: "delivered", channel: target.kind)
                metrics.latency.observe(Date().timeIntervalSince(notification.createdAt), [target.kind])
                if failures > 0 {
                    recovered(key)
                }
                failures = 0
                failingSince = nil
            case .waitForSocket, .cancelled:
                continue
            case .failed(let reason):
                failures += 1
                metrics.deliveries.increment(["failed", target.kind])
                let since = failingSince ?? .now
                failingSince = since
                if ContinuousClock.now - since >= configuration.failingAfter {
                    markFailing(key, reason: reason)
                }
                do {
                    try await Task.sleep(for: backoff.delay(afterFailures: failures, using: &generator))
                } catch {
                    return
                }
            }
        }
    }

    /// Where a notification goes now, and why it is given up, if it is.
    private static func resolve(_ notification: PendingNotification, _ state: State, maxAge: Duration)
        -> (DeliveryTarget, String?)
    {
        let subscription = state.subscriptions[notification.subscriptionID]
        let target = subscription?.target ?? notification.target
        if subscription == nil, !notification.outlivesSubscription {
            return (target, "subscription_removed")
        }
        let age = Date().timeIntervalSince(notification.createdAt)
        let (seconds, attoseconds) = maxAge.components
        if age > Double(seconds) + Double(attoseconds) / 1e18 {
            return (target, "too_old")
        }
        return (target, nil)
    }

    /// The head of the lane, paging it in from the store when needed; nil retires the lane.
    private func next(_ key: String) async -> PendingNotification? {
        while !Task.isCancelled {
            let step = state.withLock { state in Self.step(key, &state, metrics: metrics, logger: logger) }
            switch step {
            case .deliver(let notification):
                return notification
            case .done(let closing):
                await closing?.close(code: .normalClosure)
                return nil
            case .page(let marker):
                await page(key, marker: marker)
            }
        }
        return nil
    }

    private static func step(
        _ key: String,
        _ state: inout State,
        metrics: NotificationMetrics,
        logger: MECObservability.Logger
    ) -> Step {
        guard var lane = state.lanes[key] else { return .done(closing: nil) }
        let subscription = state.subscriptions[key]
        if let head = lane.queue.first {
            let target = subscription?.target ?? head.target
            if case .websocket = target, lane.socket == nil {
                lane.active = false
                state.lanes[key] = lane
                return .done(closing: nil)
            }
            return .deliver(head)
        }
        if lane.overflow {
            return .page(marker: lane.skipped)
        }
        if lane.failing {
            metrics.failingSubscribers.add(-1)
        }
        var closing: WebSocketConnection?
        if subscription == nil {
            closing = lane.socket
            state.lanes[key] = nil
        } else if lane.socket == nil {
            state.lanes[key] = nil
        } else {
            lane.active = false
            lane.failing = false
            state.lanes[key] = lane
        }
        return .done(closing: closing)
    }

    /// Loads the oldest pending notifications of a lane whose queue has drained.
    private func page(_ key: String, marker: Int) async {
        let limit = configuration.queueCapacity
        // Delivered notifications whose removal is not yet written must not be read back. The set is taken before
        // the read: a removal written while the read runs would otherwise slip through both checks.
        let delivered = state.withLock { $0.acknowledged }
        let documents: [StoredDocument]
        do {
            documents = try await store.list(
                Self.pendingCollection,
                matching: .key(Self.subscriptionKey, equals: key),
                limit: limit
            )
        } catch {
            logger.error("pending notifications could not be read", ["subscription_id": key, "error": "\(error)"])
            try? await Task.sleep(for: .seconds(1))
            return
        }
        var undecodable: [String] = []
        let loaded = documents.compactMap { document -> PendingNotification? in
            guard let notification = try? document.decode(PendingNotification.self) else {
                undecodable.append(document.id)
                return nil
            }
            return notification
        }
        let added = state.withLock { state -> Int in
            guard var lane = state.lanes[key], lane.queue.isEmpty else { return 0 }
            lane.queue = loaded.filter { !delivered.contains($0.id) && !state.acknowledged.contains($0.id) }
            if documents.count < limit, lane.skipped == marker {
                lane.overflow = false
            }
            state.lanes[key] = lane
            state.acknowledged.formUnion(undecodable)
            state.acknowledgementBatch += undecodable
            return lane.queue.count
        }
        if !undecodable.isEmpty {
            logger.error("undecodable pending notifications removed", ["count": "\(undecodable.count)"])
            acknowledgementSink.yield(())
        }
        if added == 0, documents.count == limit {
            // Everything read was delivered and awaits removal from the store: let the writer catch up.
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// One delivery attempt over the notification's channel.
    private func attempt(_ notification: PendingNotification, key: String, target: DeliveryTarget) async -> Attempt {
        switch target {
        case .callback(let url):
            var headers = HTTPHeaders()
            headers["Content-Type"] = MediaType.json
            let request = HTTPClientRequest(method: "POST", url: url, headers: headers, body: notification.payload)
            do {
                let response = try await client.execute(request)
                return (200..<300).contains(response.status) ? .delivered : .failed(reason: "\(response.status)")
            } catch let error as HTTPClientError {
                if Task.isCancelled {
                    return .cancelled
                }
                return .failed(reason: error.code.description)
            } catch {
                return Task.isCancelled ? .cancelled : .failed(reason: "other")
            }
        case .websocket:
            guard let socket = state.withLock({ $0.lanes[key]?.socket }) else { return .waitForSocket }
            do {
                try await socket.send(text: String(decoding: notification.payload, as: UTF8.self))
                return .delivered
            } catch {
                detach(socket, key: key)
                await socket.close(code: .goingAway)
                return .waitForSocket
            }
        }
    }

    /// Takes a notification off its lane and queues its removal from the store.
    ///
    /// A notification no longer on its lane was dropped with its subscription while in flight and is already
    /// counted; it is not counted again.
    private func finish(_ notification: PendingNotification, key: String, outcome: String, channel: String) {
        let onLane = state.withLock { state -> Bool in
            guard var lane = state.lanes[key], lane.queue.first?.id == notification.id else { return false }
            lane.queue.removeFirst()
            state.lanes[key] = lane
            state.acknowledged.insert(notification.id)
            state.acknowledgementBatch.append(notification.id)
            return true
        }
        guard onLane else { return }
        acknowledgementSink.yield(())
        metrics.deliveries.increment([outcome, channel])
        metrics.pending.add(-1)
    }

    private func markFailing(_ key: String, reason: String) {
        let changed = state.withLock { state -> Bool in
            guard var lane = state.lanes[key], !lane.failing else { return false }
            lane.failing = true
            state.lanes[key] = lane
            return true
        }
        if changed {
            metrics.failingSubscribers.add(1)
            logger.warning("notification subscriber failing", ["subscription_id": key, "status": reason])
        }
    }

    private func recovered(_ key: String) {
        let changed = state.withLock { state -> Bool in
            guard var lane = state.lanes[key], lane.failing else { return false }
            lane.failing = false
            state.lanes[key] = lane
            return true
        }
        if changed {
            metrics.failingSubscribers.add(-1)
            logger.notice("notification subscriber recovered", ["subscription_id": key])
        }
    }
}
