/// Which end of a websocket connection this side is; it decides masking (RFC 6455 §5.1).
public enum WebSocketRole: Sendable, Hashable {
    /// The accepting side: sends unmasked frames and requires masked frames.
    case server
    /// The connecting side: sends masked frames and requires unmasked frames.
    case client
}
