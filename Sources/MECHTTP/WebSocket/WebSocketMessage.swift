import Foundation

/// A complete websocket data message, reassembled from its fragments.
public enum WebSocketMessage: Sendable, Hashable {
    /// A text message, already checked to be valid UTF-8.
    case text(String)
    /// A binary message.
    case binary(Data)
}
