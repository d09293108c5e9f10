/// Where one notification goes: a callback URI or a websocket channel.
enum DeliveryTarget: Sendable, Hashable, Codable {
    case callback(url: String)
    case websocket(channel: String)

    /// The metric label of the delivery channel.
    var kind: String {
        switch self {
        case .callback: "callback"
        case .websocket: "websocket"
        }
    }
}
