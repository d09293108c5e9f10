extension Response {
    /// Accepts a websocket upgrade request with `101 Switching Protocols`; `handler` receives the connection once
    /// the answer is on the wire.
    ///
    /// Throws 400 for a request that is not a valid websocket handshake, and 426 with `Sec-WebSocket-Version: 13`
    /// for another protocol version. `handler` runs on a network thread: hand the connection on and return.
    public static func webSocketUpgrade(
        accepting request: Request,
        handler: @escaping @Sendable (UpgradedConnection) -> Void
    ) throws -> Response {
        let handshake: WebSocketHandshake
        do {
            handshake = try WebSocketHandshake(method: request.method.rawValue) { request.headers[$0] }
        } catch  where error.code == .unsupportedVersion {
            throw HTTPError(
                status: 426,
                detail: "Only websocket protocol version 13 is supported.",
                headers: ["Sec-WebSocket-Version": "13"]
            )
        } catch {
            throw HTTPError.badRequest("The request is not a valid websocket handshake.")
        }
        var headers = HTTPHeaders()
        for (name, value) in handshake.responseHeaders {
            headers.add(name, value)
        }
        var response = Response(status: 101, headers: headers)
        response.body = .upgrade(handler)
        return response
    }

    /// Accepts a websocket upgrade and serves it as a ``WebSocketConnection`` in the server role.
    public static func webSocket(
        accepting request: Request,
        configuration: WebSocketConnection.Configuration = WebSocketConnection.Configuration(),
        onOpen: @escaping @Sendable (WebSocketConnection) -> Void
    ) throws -> Response {
        try webSocketUpgrade(accepting: request) { upgraded in
            onOpen(WebSocketConnection(upgraded: upgraded, configuration: configuration))
        }
    }
}
