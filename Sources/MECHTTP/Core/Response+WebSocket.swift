extension Response {
    /// The `101 Switching Protocols` answer to a valid websocket upgrade request.
    ///
    /// `handler` receives the connection once the answer is on the wire; wrap it with
    /// ``WebSocketConnection/init(upgraded:role:configuration:)``.
    ///
    /// ```swift
    /// let handshake = try WebSocketHandshake(method: request.method.rawValue) { request.headers[$0] }
    /// return .webSocketUpgrade(handshake) { upgraded in attach(WebSocketConnection(upgraded: upgraded)) }
    /// ```
    public static func webSocketUpgrade(
        _ handshake: WebSocketHandshake,
        handler: @escaping @Sendable (UpgradedConnection) -> Void
    ) -> Response {
        var headers = HTTPHeaders()
        for (name, value) in handshake.responseHeaders {
            headers[name] = value
        }
        var response = Response(status: 101, headers: headers)
        response.body = .upgrade(handler)
        return response
    }
}
