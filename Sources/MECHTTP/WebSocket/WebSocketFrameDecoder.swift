/// Decodes websocket frames incrementally from bytes that may arrive in pieces of any size.
///
/// ```swift
/// var decoder = WebSocketFrameDecoder(maxPayloadSize: 1 << 20, requiresMasking: true)
/// decoder.append(bytesFromSocket)
/// while let frame = try decoder.nextFrame() { ... }
/// ```
public struct WebSocketFrameDecoder: Sendable {
    /// Largest payload accepted in one frame; a larger one fails with close code 1009.
    public let maxPayloadSize: Int
    /// true: frames must be masked (a server reading a client); false: must not be; nil: either.
    public let requiresMasking: Bool?
    private var buffer: [UInt8] = []
    private var start = 0

    /// Creates a decoder.
    public init(maxPayloadSize: Int = 1 << 20, requiresMasking: Bool? = nil) {
        self.maxPayloadSize = maxPayloadSize
        self.requiresMasking = requiresMasking
    }

    /// The number of bytes received but not yet decoded into a frame.
    public var bufferedByteCount: Int {
        buffer.count - start
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Returns the next complete frame, or nil when more bytes are needed.
    ///
    /// - Throws: ``WebSocketError`` with close code 1002 for malformed frames and 1009 for oversized ones.
    ///   After an error the decoder should be discarded with its connection.
    public mutating func nextFrame() throws(WebSocketError) -> WebSocketFrame? {
        let available = buffer.count - start
        guard available >= 2 else {
            return nil
        }
        let first = buffer[start]
        let second = buffer[start + 1]
        guard first & 0x70 == 0 else {
            throw .protocolViolation("reserved bits set")
        }
        guard let opcode = WebSocketOpcode(rawValue: first & 0x0F) else {
            throw .protocolViolation("unknown opcode")
        }
        let fin = first & 0x80 != 0
        let masked = second & 0x80 != 0
        if let requiresMasking, masked != requiresMasking {
            throw .protocolViolation(requiresMasking ? "unmasked client frame" : "masked server frame")
        }
        var headerLength = 2
        var length = UInt64(second & 0x7F)
        if opcode.isControl && (length > 125 || !fin) {
            throw .protocolViolation("invalid control frame")
        }
        if length == 126 {
            guard available >= 4 else {
                return nil
            }
            length = UInt64(buffer[start + 2]) << 8 | UInt64(buffer[start + 3])
            headerLength = 4
        } else if length == 127 {
            guard available >= 10 else {
                return nil
            }
            length = (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(buffer[start + 2 + $1]) }
            guard length >> 63 == 0 else {
                throw .protocolViolation("length with the most significant bit set")
            }
            headerLength = 10
        }
        guard length <= UInt64(maxPayloadSize) else {
            throw .tooBig("frame payload too large")
        }
        let payloadLength = Int(length)
        let maskStart = start + headerLength
        if masked {
            headerLength += 4
        }
        guard available >= headerLength + payloadLength else {
            return nil
        }
        let payloadStart = start + headerLength
        var payload = Array(buffer[payloadStart..<(payloadStart + payloadLength)])
        if masked {
            let key = (buffer[maskStart], buffer[maskStart + 1], buffer[maskStart + 2], buffer[maskStart + 3])
            for index in payload.indices {
                switch index & 3 {
                case 0: payload[index] ^= key.0
                case 1: payload[index] ^= key.1
                case 2: payload[index] ^= key.2
                default: payload[index] ^= key.3
                }
            }
        }
        start = payloadStart + payloadLength
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        return WebSocketFrame(fin: fin, opcode: opcode, payload: payload)
    }
}
