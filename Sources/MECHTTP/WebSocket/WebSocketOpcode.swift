/// The kind of a websocket frame (RFC 6455 §5.2).
public enum WebSocketOpcode: UInt8, Sendable, Hashable {
    /// A later fragment of a fragmented message.
    case continuation = 0x0
    /// The first or only frame of a UTF-8 text message.
    case text = 0x1
    /// The first or only frame of a binary message.
    case binary = 0x2
    /// Starts or answers the closing handshake.
    case close = 0x8
    /// Asks the peer for a pong.
    case ping = 0x9
    /// Answers a ping, or a heartbeat on its own.
    case pong = 0xA

    /// Whether this is a control frame (close, ping, pong), which may not be fragmented.
    public var isControl: Bool {
        rawValue & 0x8 != 0
    }
}
