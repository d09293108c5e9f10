/// One websocket frame (RFC 6455 §5.2), with its payload unmasked.
///
/// ```swift
/// let bytes = WebSocketFrame(opcode: .text, payload: Array("hi".utf8)).encoded(maskingKey: nil)
/// ```
public struct WebSocketFrame: Sendable, Hashable {
    /// Whether this is the last frame of its message.
    public var fin: Bool
    /// The frame kind.
    public var opcode: WebSocketOpcode
    /// The application data, unmasked.
    public var payload: [UInt8]

    /// Creates a frame.
    public init(fin: Bool = true, opcode: WebSocketOpcode, payload: [UInt8] = []) {
        self.fin = fin
        self.opcode = opcode
        self.payload = payload
    }

    /// Creates a close frame with a code and a UTF-8 reason, truncated to fit the 125-byte control frame limit.
    public static func close(code: WebSocketCloseCode, reason: String = "") -> WebSocketFrame {
        var payload = [UInt8(code.rawValue >> 8), UInt8(code.rawValue & 0xFF)]
        var reasonBytes = Array(reason.utf8.prefix(123))
        while String(validating: reasonBytes, as: UTF8.self) == nil {
            // Cutting may split a multi-byte character; drop bytes until the rest is valid again.
            reasonBytes.removeLast()
        }
        payload += reasonBytes
        return WebSocketFrame(opcode: .close, payload: payload)
    }

    /// The wire form of the frame.
    ///
    /// - Parameter maskingKey: four bytes to mask the payload with; clients must pass one, servers nil.
    public func encoded(maskingKey: [UInt8]?) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(payload.count + 14)
        bytes.append((fin ? 0x80 : 0) | opcode.rawValue)
        let maskBit: UInt8 = maskingKey == nil ? 0 : 0x80
        switch payload.count {
        case ..<126:
            bytes.append(maskBit | UInt8(payload.count))
        case ...0xFFFF:
            bytes.append(maskBit | 126)
            bytes.append(UInt8(payload.count >> 8))
            bytes.append(UInt8(payload.count & 0xFF))
        default:
            bytes.append(maskBit | 127)
            let length = UInt64(payload.count)
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8((length >> UInt64(shift)) & 0xFF))
            }
        }
        guard let maskingKey, maskingKey.count == 4 else {
            bytes += payload
            return bytes
        }
        bytes += maskingKey
        for (index, byte) in payload.enumerated() {
            bytes.append(byte ^ maskingKey[index & 3])
        }
        return bytes
    }

    /// Four random bytes for masking a client frame.
    public static func randomMaskingKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt32
        return [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
