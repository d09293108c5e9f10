extension WebSocketConnection {
    /// Limits and timing for a ``WebSocketConnection``.
    public struct Configuration: Sendable {
        /// Largest payload accepted in one incoming frame; a larger one closes the connection with 1009.
        public var maxFrameSize: Int
        /// Largest reassembled incoming message; a larger one closes the connection with 1009.
        public var maxMessageSize: Int
        /// Split outgoing messages into frames of at most this many payload bytes; nil sends one frame.
        public var outgoingFragmentSize: Int?
        /// How long ``WebSocketConnection/close(code:reason:)`` waits for the peer's close frame.
        public var closeTimeout: Duration

        /// Creates a configuration.
        public init(
            maxFrameSize: Int = 1 << 20,
            maxMessageSize: Int = 4 << 20,
            outgoingFragmentSize: Int? = nil,
            closeTimeout: Duration = .seconds(5)
        ) {
            self.maxFrameSize = maxFrameSize
            self.maxMessageSize = maxMessageSize
            self.outgoingFragmentSize = outgoingFragmentSize
            self.closeTimeout = closeTimeout
        }
    }
}
