import Testing

@testable import MECHTTP

@Suite("WebSocket frames")
struct WebSocketFrameTests {
    static let lengths = [0, 125, 126, 65535, 65536]

    @Test("A frame survives encoding and decoding", arguments: lengths, [true, false])
    func roundTrip(length: Int, masked: Bool) throws {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let bytes = WebSocketFrame(opcode: .binary, payload: payload)
            .encoded(maskingKey: masked ? [1, 2, 3, 4] : nil)
        let lengthField = length < 126 ? 0 : (length <= 65535 ? 2 : 8)
        #expect(bytes.count == 2 + lengthField + (masked ? 4 : 0) + length)
        #expect((bytes[1] & 0x80 != 0) == masked)
        var decoder = WebSocketFrameDecoder(maxPayloadSize: 1 << 20, requiresMasking: masked)
        decoder.append(bytes)
        let frame = try #require(try decoder.nextFrame())
        #expect(frame == WebSocketFrame(opcode: .binary, payload: payload))
        #expect(try decoder.nextFrame() == nil)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test("A frame arriving in small pieces is decoded once complete", arguments: lengths)
    func partialBuffers(length: Int) throws {
        let payload = [UInt8](repeating: 0x61, count: length)
        let bytes = WebSocketFrame(opcode: .text, payload: payload).encoded(maskingKey: [9, 8, 7, 6])
        var decoder = WebSocketFrameDecoder(requiresMasking: true)
        var decoded: [WebSocketFrame] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 7, bytes.count)
            decoder.append(bytes[offset..<end])
            if let frame = try decoder.nextFrame() {
                decoded.append(frame)
            }
            offset = end
        }
        #expect(decoded == [WebSocketFrame(opcode: .text, payload: payload)])
    }

    @Test("Several frames in one buffer come out in order")
    func severalFrames() throws {
        let frames = [
            WebSocketFrame(fin: false, opcode: .text, payload: Array("hel".utf8)),
            WebSocketFrame(opcode: .ping, payload: [1]),
            WebSocketFrame(fin: true, opcode: .continuation, payload: Array("lo".utf8)),
        ]
        var decoder = WebSocketFrameDecoder(requiresMasking: false)
        decoder.append(frames.flatMap { $0.encoded(maskingKey: nil) })
        var decoded: [WebSocketFrame] = []
        while let frame = try decoder.nextFrame() {
            decoded.append(frame)
        }
        #expect(decoded == frames)
    }

    @Test("Fragments are joined into one message")
    func fragmentsAreJoined() throws {
        var assembler = WebSocketMessageAssembler(maxMessageSize: 100)
        #expect(try assembler.receive(WebSocketFrame(fin: false, opcode: .text, payload: Array("hé".utf8))) == nil)
        #expect(try assembler.receive(WebSocketFrame(fin: false, opcode: .continuation, payload: [])) == nil)
        let message = try assembler.receive(WebSocketFrame(opcode: .continuation, payload: Array("llo".utf8)))
        #expect(message == .text("héllo"))
        #expect(try assembler.receive(WebSocketFrame(opcode: .binary, payload: [1, 2])) == .binary(.init([1, 2])))
    }

    @Test(
        "A malformed frame is a protocol error with close code 1002",
        arguments: [
            [0x81 | 0x40, 0x00],  // reserved bit
            [0x83, 0x00],  // unknown opcode
            [0x89, 126, 0x00, 0x7E],  // control frame longer than 125
            [0x09, 0x00],  // fragmented ping
            [0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 1],  // 64-bit length with the top bit set
            [0x82, 0x81, 1, 2, 3, 4, 0],  // masked frame where none is allowed
        ] as [[UInt8]]
    )
    func malformedFrames(bytes: [UInt8]) {
        var decoder = WebSocketFrameDecoder(requiresMasking: false)
        decoder.append(bytes)
        let error = #expect(throws: WebSocketError.self) { try decoder.nextFrame() }
        #expect(error?.closeCode == .protocolError)
    }

    @Test("An unmasked frame is refused where masking is required")
    func unmaskedRefused() {
        var decoder = WebSocketFrameDecoder(requiresMasking: true)
        decoder.append(WebSocketFrame(opcode: .text, payload: [1]).encoded(maskingKey: nil))
        let error = #expect(throws: WebSocketError.self) { try decoder.nextFrame() }
        #expect(error?.closeCode == .protocolError)
    }

    @Test("A frame over the payload limit fails with close code 1009 before it fully arrives")
    func oversizedFrame() {
        var decoder = WebSocketFrameDecoder(maxPayloadSize: 100, requiresMasking: false)
        decoder.append(
            WebSocketFrame(opcode: .binary, payload: [UInt8](repeating: 0, count: 101)).encoded(maskingKey: nil).prefix(
                4))
        let error = #expect(throws: WebSocketError.self) { try decoder.nextFrame() }
        #expect(error?.closeCode == .messageTooBig)
        #expect(error?.code == .messageTooBig)
    }

    @Test("Invalid UTF-8 in a text message fails with close code 1007")
    func invalidUTF8() {
        var assembler = WebSocketMessageAssembler(maxMessageSize: 100)
        let error = #expect(throws: WebSocketError.self) {
            try assembler.receive(WebSocketFrame(opcode: .text, payload: [0xC3, 0x28]))
        }
        #expect(error?.closeCode == .invalidFramePayloadData)
    }

    @Test("Fragments out of order are protocol errors")
    func fragmentOrder() {
        var assembler = WebSocketMessageAssembler(maxMessageSize: 100)
        let orphan = #expect(throws: WebSocketError.self) {
            try assembler.receive(WebSocketFrame(opcode: .continuation, payload: [1]))
        }
        #expect(orphan?.closeCode == .protocolError)
        _ = try? assembler.receive(WebSocketFrame(fin: false, opcode: .binary, payload: [1]))
        let interleaved = #expect(throws: WebSocketError.self) {
            try assembler.receive(WebSocketFrame(opcode: .text, payload: [1]))
        }
        #expect(interleaved?.closeCode == .protocolError)
    }

    @Test("A message over the size limit fails with close code 1009")
    func oversizedMessage() {
        var assembler = WebSocketMessageAssembler(maxMessageSize: 4)
        _ = try? assembler.receive(WebSocketFrame(fin: false, opcode: .binary, payload: [1, 2, 3]))
        let error = #expect(throws: WebSocketError.self) {
            try assembler.receive(WebSocketFrame(opcode: .continuation, payload: [4, 5]))
        }
        #expect(error?.closeCode == .messageTooBig)
    }

    @Test("A close frame carries its code and a reason cut to a valid length")
    func closeFrame() {
        let frame = WebSocketFrame.close(code: .goingAway, reason: String(repeating: "é", count: 100))
        #expect(frame.payload.count <= 125)
        #expect(Array(frame.payload.prefix(2)) == [0x03, 0xE9])
        #expect(String(validating: frame.payload.dropFirst(2), as: UTF8.self) != nil)
    }
}
