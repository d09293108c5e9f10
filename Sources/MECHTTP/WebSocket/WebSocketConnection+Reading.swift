import Foundation

extension WebSocketConnection {
    /// What the read loop does after a frame.
    private enum Next {
        case keepReading
        case stop
    }

    /// Runs on the dedicated read thread until the connection ends.
    func readLoop(bufferedBytes: [UInt8]) {
        var decoder = WebSocketFrameDecoder(
            maxPayloadSize: configuration.maxFrameSize,
            requiresMasking: role == .server
        )
        var assembler = WebSocketMessageAssembler(maxMessageSize: configuration.maxMessageSize)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        decoder.append(bufferedBytes)
        do throws(WebSocketError) {
            reading: while true {
                while let frame = try decoder.nextFrame() {
                    if try handle(frame, assembler: &assembler) == .stop {
                        break reading
                    }
                }
                let count = try transport.receive(into: &buffer)
                guard count > 0 else {
                    let closeSent = state.withLock { $0.closeSent }
                    closeSent ? output.finish() : output.finish(throwing: WebSocketError.closed("ended without close"))
                    break
                }
                decoder.append(buffer[0..<count])
            }
        } catch {
            fail(with: error, buffer: &buffer)
        }
        finish()
    }

    private func handle(_ frame: WebSocketFrame, assembler: inout WebSocketMessageAssembler) throws(WebSocketError)
        -> Next
    {
        switch frame.opcode {
        case .ping:
            if !state.withLock({ $0.closeSent }) {
                let pong = encode(WebSocketFrame(opcode: .pong, payload: frame.payload))
                writeQueue.async { [transport] in
                    try? transport.send(pong)
                }
            }
            return .keepReading
        case .pong:
            return .keepReading
        case .close:
            let code = try Self.closeCode(from: frame.payload)
            if markCloseSent() {
                // Echo the code, as RFC 6455 §5.5.1 asks, unless it may not appear on the wire.
                let reply = code.isSendable ? WebSocketFrame.close(code: code) : WebSocketFrame(opcode: .close)
                let bytes = encode(reply)
                writeQueue.async { [transport] in
                    try? transport.send(bytes)
                }
            }
            if code == .normalClosure || code == .goingAway || code == .noStatusReceived {
                output.finish()
            } else {
                output.finish(throwing: WebSocketError(code: .closedByPeer, closeCode: code, detail: "peer closed"))
            }
            return .stop
        case .text, .binary, .continuation:
            if let message = try assembler.receive(frame) {
                output.yield(message)
            }
            return .keepReading
        }
    }

    /// Sends a close frame for a local protocol error, then drains input until the peer closes or time runs out.
    private func fail(with error: WebSocketError, buffer: inout [UInt8]) {
        output.finish(throwing: error)
        if markCloseSent() {
            let bytes = encode(WebSocketFrame.close(code: error.closeCode))
            writeQueue.async { [transport] in
                try? transport.send(bytes)
            }
        }
        let transport = self.transport
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(1)) {
            transport.shutdown()
        }
        // Closing with unread input would reset a TCP connection and could destroy the close frame in flight.
        while let count = try? transport.receive(into: &buffer), count > 0 {}
    }

    /// Releases the socket after the queued writes and wakes everyone waiting in close.
    private func finish() {
        writeQueue.async { [transport] in
            transport.shutdown()
            transport.close()
        }
        let waiters = state.withLock { state in
            state.finished = true
            state.closeSent = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    private static func closeCode(from payload: [UInt8]) throws(WebSocketError) -> WebSocketCloseCode {
        guard !payload.isEmpty else {
            return .noStatusReceived
        }
        guard payload.count >= 2 else {
            throw .protocolViolation("close payload of one byte")
        }
        let code = WebSocketCloseCode(rawValue: UInt16(payload[0]) << 8 | UInt16(payload[1]))
        guard code.isSendable else {
            throw .protocolViolation("invalid close code")
        }
        guard String(validating: payload[2...], as: UTF8.self) != nil else {
            throw .invalidUTF8("close reason is not valid UTF-8")
        }
        return code
    }
}
