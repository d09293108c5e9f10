/// Delivery of notifications over a websocket the platform serves (GS MEC 009, `WebsockNotifConfig`).
public struct WebsockNotifConfig: Codable, Sendable, Equatable {
    /// The websocket URI the platform assigned; only in responses.
    public var websocketUri: String?
    /// Set to true by a subscriber that wants notifications over a websocket.
    public var requestWebsocketUri: Bool?

    /// Creates a configuration.
    public init(websocketUri: String? = nil, requestWebsocketUri: Bool? = nil) {
        self.websocketUri = websocketUri
        self.requestWebsocketUri = requestWebsocketUri
    }
}
