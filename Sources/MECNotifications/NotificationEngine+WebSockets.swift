import MECHTTP

extension NotificationEngine {
    /// Adds the websocket route `GET {websocketPath}/{channelId}` (by default
    /// `/mec_notifications/v1/websockets/{channelId}`), the `websocketUri` the engine hands out.
    ///
    /// It is an ordinary route, so the host's middleware (authentication among it) applies before the upgrade.
    /// Unknown channels get 404, requests that are no websocket upgrade 400 (426 for another protocol version).
    public func register(routesIn router: inout Router) {
        router.add(
            Route(
                .get,
                configuration.websocketPath + "/{channelId}",
                consumesJSON: false,
                handler: .immediate { [self] request in try upgrade(request) }
            )
        )
    }

    /// Answers a websocket upgrade on a channel with 101 and hands the connection to the dispatcher.
    func upgrade(_ request: Request) throws -> Response {
        let channel = try request.pathParameter("channelId")
        let running = state.withLock { state -> Bool in
            guard case .running = state.phase else { return false }
            return true
        }
        guard running else {
            throw NotificationError(.notRunning, "engine not running")
        }
        guard state.withLock({ $0.channels[channel] }) != nil else {
            throw HTTPError.notFound("No websocket channel exists at this URI.")
        }
        return try .webSocketUpgrade(accepting: request) { [self] upgraded in
            if case .terminated = activationSink.yield(.socket(channel: channel, upgraded)) {
                upgraded.close()
            }
        }
    }

    /// Attaches an upgraded connection to its channel's lane and keeps it until it closes.
    ///
    /// Incoming messages are read and ignored: the channel carries notifications to the subscriber only.
    func watch(_ upgraded: UpgradedConnection, channel: String) async {
        let connection = WebSocketConnection(upgraded: upgraded)
        let attached = state.withLock { state -> (key: String, previous: WebSocketConnection?, activate: Bool)? in
            guard let key = state.channels[channel] else { return nil }
            var lane = state.lanes[key] ?? DeliveryLane()
            let previous = lane.socket
            lane.socket = connection
            var activate = false
            if !lane.active, !lane.queue.isEmpty || lane.overflow {
                lane.active = true
                activate = true
            }
            state.lanes[key] = lane
            return (key, previous, activate)
        }
        guard let attached else {
            await connection.close(code: .policyViolation)
            return
        }
        logger.debug("notification websocket connected", ["subscription_id": attached.key])
        await attached.previous?.close(code: .goingAway)
        if attached.activate {
            activationSink.yield(.lane(attached.key))
        }
        do {
            for try await _ in connection.messages {}
        } catch {
            logger.debug("notification websocket failed", ["subscription_id": attached.key])
        }
        detach(connection, key: attached.key)
        await connection.close()
        logger.debug("notification websocket closed", ["subscription_id": attached.key])
    }

    /// Removes a connection from its lane if it is still the lane's current one.
    func detach(_ connection: WebSocketConnection, key: String) {
        state.withLock { state in
            if state.lanes[key]?.socket === connection {
                state.lanes[key]?.socket = nil
            }
        }
    }
}
