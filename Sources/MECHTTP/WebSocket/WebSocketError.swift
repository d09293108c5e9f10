/// A websocket failure: an opaque code, the close code to send or that was received, and a short detail.
public struct WebSocketError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure happened. New codes may be added; switch with a default case.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The peer broke RFC 6455: bad framing, masking, opcode or fragment order. Close code 1002.
        public static let protocolViolation = Code("protocol_violation")
        /// A frame or message exceeded the configured limit. Close code 1009.
        public static let messageTooBig = Code("message_too_big")
        /// A text message or close reason was not valid UTF-8. Close code 1007.
        public static let invalidUTF8 = Code("invalid_utf8")
        /// The opening handshake was malformed or refused.
        public static let handshakeFailed = Code("handshake_failed")
        /// The upgrade request asked for a protocol version other than 13; answer with HTTP 426.
        public static let unsupportedVersion = Code("unsupported_version")
        /// The TCP or TLS connection could not be opened.
        public static let connectFailed = Code("connect_failed")
        /// The peer closed the connection with a code other than a normal closure; see ``WebSocketError/closeCode``.
        public static let closedByPeer = Code("closed_by_peer")
        /// The connection is closed or ended without a closing handshake.
        public static let connectionClosed = Code("connection_closed")

        /// The code as a short snake_case word, suitable as a metric label.
        public var description: String {
            name
        }
    }

    /// What kind of failure happened.
    public let code: Code
    /// The close code this side sends because of the error, or the code the peer sent.
    public let closeCode: WebSocketCloseCode
    /// A fixed, short explanation for logs; never contains payload data.
    public let detail: String

    /// Creates an error.
    public init(code: Code, closeCode: WebSocketCloseCode, detail: String) {
        self.code = code
        self.closeCode = closeCode
        self.detail = detail
    }

    static func protocolViolation(_ detail: String) -> WebSocketError {
        WebSocketError(code: .protocolViolation, closeCode: .protocolError, detail: detail)
    }

    static func tooBig(_ detail: String) -> WebSocketError {
        WebSocketError(code: .messageTooBig, closeCode: .messageTooBig, detail: detail)
    }

    static func invalidUTF8(_ detail: String) -> WebSocketError {
        WebSocketError(code: .invalidUTF8, closeCode: .invalidFramePayloadData, detail: detail)
    }

    static func closed(_ detail: String) -> WebSocketError {
        WebSocketError(code: .connectionClosed, closeCode: .abnormalClosure, detail: detail)
    }

    /// The code alone, so that the description stays a small fixed set usable as a metric label.
    public var description: String {
        code.description
    }
}
