import Foundation

/// Joins data frames into messages, enforcing fragment order, a size limit and UTF-8 for text.
struct WebSocketMessageAssembler: Sendable {
    let maxMessageSize: Int
    private var opcode: WebSocketOpcode?
    private var fragments: [UInt8] = []

    init(maxMessageSize: Int) {
        self.maxMessageSize = maxMessageSize
    }

    /// Takes a text, binary or continuation frame; returns the message once its last fragment arrived.
    mutating func receive(_ frame: WebSocketFrame) throws(WebSocketError) -> WebSocketMessage? {
        switch frame.opcode {
        case .continuation:
            guard opcode != nil else {
                throw .protocolViolation("continuation without a message")
            }
        case .text, .binary:
            guard opcode == nil else {
                throw .protocolViolation("new message inside a fragmented message")
            }
            opcode = frame.opcode
        default:
            throw .protocolViolation("control frame passed as data")
        }
        guard fragments.count + frame.payload.count <= maxMessageSize else {
            throw .tooBig("message too large")
        }
        fragments += frame.payload
        guard frame.fin, let kind = opcode else {
            return nil
        }
        defer {
            opcode = nil
            fragments = []
        }
        guard kind == .text else {
            return .binary(Data(fragments))
        }
        guard let text = String(validating: fragments, as: UTF8.self) else {
            throw .invalidUTF8("text message is not valid UTF-8")
        }
        return .text(text)
    }
}
