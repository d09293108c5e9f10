import Foundation
import Synchronization

/// A websocket connection after the opening handshake, on either end (RFC 6455).
///
/// A dedicated thread reads frames, answers pings, reassembles fragments and yields complete messages on
/// ``messages``; writes run on a serial dispatch queue. Neither blocks Swift's cooperative pool.
///
/// ```swift
/// let connection = WebSocketConnection(fileDescriptor: socket, role: .server)
/// try await connection.send(text: "hello")
/// for try await message in connection.messages { ... }
/// try await connection.close()
/// ```
/// The stream ends normally after a close with 1000, 1001 or no code, and throws ``WebSocketError`` otherwise.
/// The reading thread runs until the connection closes, so always end a connection with ``close(code:reason:)``.
public final class WebSocketConnection: Sendable {
    struct State {
        var closeSent = false
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Which end this is; it decides masking.
    public let role: WebSocketRole
    /// Complete incoming text and binary messages, in order.
    public let messages: AsyncThrowingStream<WebSocketMessage, any Error>
    let configuration: Configuration
    let transport: any WebSocketTransport
    let output: AsyncThrowingStream<WebSocketMessage, any Error>.Continuation
    let writeQueue = DispatchQueue(label: "mec.websocket.write")
    let state = Mutex(State())

    /// Takes over a connected socket after a successful upgrade; the connection closes it when done.
    ///
    /// - Parameters:
    ///   - fileDescriptor: a connected stream socket, in blocking mode.
    ///   - role: `.server` on the accepting side, `.client` on the connecting side.
    ///   - configuration: size limits and the close timeout.
    ///   - bufferedBytes: bytes already read from the socket after the handshake, if any.
    public convenience init(
        fileDescriptor: Int32,
        role: WebSocketRole,
        configuration: Configuration = Configuration(),
        bufferedBytes: [UInt8] = []
    ) {
        self.init(
            transport: SocketTransport(fileDescriptor: fileDescriptor),
            role: role,
            configuration: configuration,
            bufferedBytes: bufferedBytes
        )
    }

    /// Takes over a connection the server upgraded after answering `101 Switching Protocols`.
    ///
    /// The connection's initial bytes are read first; closing the websocket hands the socket back to the server.
    ///
    /// ```swift
    /// Response(status: 101, headers: handshakeHeaders, body: .upgrade { upgraded in
    ///     let connection = WebSocketConnection(upgraded: upgraded)
    ///     ...
    /// })
    /// ```
    public convenience init(
        upgraded: UpgradedConnection,
        role: WebSocketRole = .server,
        configuration: Configuration = Configuration()
    ) {
        self.init(
            transport: UpgradedSocketTransport(connection: upgraded),
            role: role,
            configuration: configuration,
            bufferedBytes: Array(upgraded.initialBytes)
        )
    }

    init(transport: any WebSocketTransport, role: WebSocketRole, configuration: Configuration, bufferedBytes: [UInt8]) {
        self.transport = transport
        self.role = role
        self.configuration = configuration
        (messages, output) = AsyncThrowingStream.makeStream(bufferingPolicy: .unbounded)
        let thread = Thread { [self] in
            readLoop(bufferedBytes: bufferedBytes)
        }
        thread.name = "mec-websocket-read"
        thread.start()
    }

    /// Sends a text message.
    ///
    /// - Throws: ``WebSocketError`` with code `connectionClosed` once a close frame was sent or the socket failed.
    public func send(text: String) async throws {
        try await send(opcode: .text, payload: Array(text.utf8))
    }

    /// Sends a binary message.
    ///
    /// - Throws: ``WebSocketError`` with code `connectionClosed` once a close frame was sent or the socket failed.
    public func send(binary: Data) async throws {
        try await send(opcode: .binary, payload: Array(binary))
    }

    /// Sends a ping; the peer answers with a pong, which is not surfaced as a message.
    public func ping(_ payload: Data = Data()) async throws {
        try await send(opcode: .ping, payload: Array(payload.prefix(125)))
    }

    /// Starts the closing handshake and waits until the peer answered or ``Configuration/closeTimeout`` passed.
    ///
    /// Calling it again, or after the peer closed, only waits for the connection to end.
    public func close(code: WebSocketCloseCode = .normalClosure, reason: String = "") async {
        let sendCode = code.isSendable ? code : .normalClosure
        if markCloseSent() {
            let frame = WebSocketFrame.close(code: sendCode, reason: reason)
            let bytes = encode(frame)
            writeQueue.async { [transport] in
                try? transport.send(bytes)
            }
            let transport = self.transport
            DispatchQueue.global().asyncAfter(deadline: .now() + timeInterval(configuration.closeTimeout)) {
                transport.shutdown()
            }
        }
        await withCheckedContinuation { continuation in
            let alreadyFinished = state.withLock { state in
                if !state.finished {
                    state.waiters.append(continuation)
                }
                return state.finished
            }
            if alreadyFinished {
                continuation.resume()
            }
        }
    }

    private func send(opcode: WebSocketOpcode, payload: [UInt8]) async throws {
        guard !state.withLock({ $0.closeSent }) else {
            throw WebSocketError.closed("close already sent")
        }
        var frames: [WebSocketFrame] = []
        if let size = configuration.outgoingFragmentSize, size > 0, !opcode.isControl, payload.count > size {
            var offset = 0
            while offset < payload.count {
                let end = min(offset + size, payload.count)
                frames.append(
                    WebSocketFrame(
                        fin: end == payload.count,
                        opcode: offset == 0 ? opcode : .continuation,
                        payload: Array(payload[offset..<end])
                    )
                )
                offset = end
            }
        } else {
            frames.append(WebSocketFrame(opcode: opcode, payload: payload))
        }
        let bytes = frames.flatMap(encode)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            writeQueue.async { [transport] in
                do {
                    try transport.send(bytes)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    func encode(_ frame: WebSocketFrame) -> [UInt8] {
        frame.encoded(maskingKey: role == .client ? WebSocketFrame.randomMaskingKey() : nil)
    }

    /// Marks that a close frame goes out; returns false when one already did.
    func markCloseSent() -> Bool {
        state.withLock { state in
            defer { state.closeSent = true }
            return !state.closeSent
        }
    }

    private func timeInterval(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
