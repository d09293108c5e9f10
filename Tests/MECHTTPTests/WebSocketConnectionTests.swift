import Foundation
import Testing

@testable import MECHTTP

@Suite("WebSocket connection over a socket pair")
struct WebSocketConnectionTests {
    @Test("Text and binary messages travel both ways")
    func textAndBinary() async throws {
        let pair = try SocketPair()
        let server = WebSocketConnection(fileDescriptor: pair.first, role: .server)
        let client = WebSocketConnection(fileDescriptor: pair.second, role: .client)
        try await client.send(text: "hello")
        try await client.send(binary: Data([0, 1, 2, 255]))
        try await server.send(text: "héllo back")
        var serverMessages = server.messages.makeAsyncIterator()
        #expect(try await serverMessages.next() == .text("hello"))
        #expect(try await serverMessages.next() == .binary(Data([0, 1, 2, 255])))
        var clientMessages = client.messages.makeAsyncIterator()
        #expect(try await clientMessages.next() == .text("héllo back"))
        await client.close()
        #expect(try await serverMessages.next() == nil)
        #expect(try await clientMessages.next() == nil)
        await server.close()
    }

    @Test("A ping is answered with a pong carrying the same payload, unmasked from the server")
    func pingPong() async throws {
        let pair = try SocketPair()
        let server = WebSocketConnection(fileDescriptor: pair.first, role: .server)
        SocketPair.write(
            WebSocketFrame(opcode: .ping, payload: [7, 8, 9]).encoded(maskingKey: [1, 2, 3, 4]), to: pair.second)
        var decoder = WebSocketFrameDecoder(requiresMasking: false)
        let pong = try SocketPair.readFrame(from: pair.second, decoder: &decoder)
        #expect(pong == WebSocketFrame(opcode: .pong, payload: [7, 8, 9]))
        SocketPair.write(WebSocketFrame.close(code: .normalClosure).encoded(maskingKey: [1, 2, 3, 4]), to: pair.second)
        let echo = try SocketPair.readFrame(from: pair.second, decoder: &decoder)
        #expect(echo?.opcode == .close)
        await server.close()
        close(pair.second)
    }

    @Test("Fragments with a ping between them arrive as one message")
    func rawFragments() async throws {
        let pair = try SocketPair()
        let server = WebSocketConnection(fileDescriptor: pair.first, role: .server)
        let frames = [
            WebSocketFrame(fin: false, opcode: .text, payload: Array("frag".utf8)),
            WebSocketFrame(opcode: .ping, payload: []),
            WebSocketFrame(fin: false, opcode: .continuation, payload: Array("men".utf8)),
            WebSocketFrame(fin: true, opcode: .continuation, payload: Array("ted".utf8)),
        ]
        SocketPair.write(frames.flatMap { $0.encoded(maskingKey: WebSocketFrame.randomMaskingKey()) }, to: pair.second)
        var messages = server.messages.makeAsyncIterator()
        #expect(try await messages.next() == .text("fragmented"))
        close(pair.second)
        await #expect(throws: WebSocketError.self) { try await messages.next() }
        await server.close()
    }

    @Test("A connection configured to fragment sends messages the peer reassembles")
    func outgoingFragments() async throws {
        let pair = try SocketPair()
        let server = WebSocketConnection(fileDescriptor: pair.first, role: .server)
        let client = WebSocketConnection(
            fileDescriptor: pair.second,
            role: .client,
            configuration: .init(outgoingFragmentSize: 3)
        )
        let payload = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0) })
        try await client.send(binary: payload)
        var messages = server.messages.makeAsyncIterator()
        #expect(try await messages.next() == .binary(payload))
        await client.close()
        await server.close()
    }

    @Test("Closing with a code ends the peer's stream with that code")
    func closeHandshake() async throws {
        let pair = try SocketPair()
        let server = WebSocketConnection(fileDescriptor: pair.first, role: .server)
        let client = WebSocketConnection(fileDescriptor: pair.second, role: .client)
        await server.close(code: .policyViolation, reason: "bye")
        var messages = client.messages.makeAsyncIterator()
        let error = await #expect(throws: WebSocketError.self) { try await messages.next() }
        #expect(error?.code == .closedByPeer)
        #expect(error?.closeCode == .policyViolation)
        await #expect(throws: WebSocketError.self) { try await server.send(text: "late") }
        await client.close()
    }

    @Test("An oversized frame closes the connection with 1009 on both sides")
    func oversizedFrame() async throws {
        let pair = try SocketPair()
        let server = WebSocketConnection(
            fileDescriptor: pair.first,
            role: .server,
            configuration: .init(maxFrameSize: 1000)
        )
        let client = WebSocketConnection(fileDescriptor: pair.second, role: .client)
        try await client.send(binary: Data(count: 2000))
        var serverMessages = server.messages.makeAsyncIterator()
        let serverError = await #expect(throws: WebSocketError.self) { try await serverMessages.next() }
        #expect(serverError?.closeCode == .messageTooBig)
        var clientMessages = client.messages.makeAsyncIterator()
        let clientError = await #expect(throws: WebSocketError.self) { try await clientMessages.next() }
        #expect(clientError?.closeCode == .messageTooBig)
        await client.close()
        await server.close()
    }

    @Test("An unmasked frame from a client closes the connection with 1002")
    func unmaskedClientFrame() async throws {
        let pair = try SocketPair()
        let server = WebSocketConnection(fileDescriptor: pair.first, role: .server)
        SocketPair.write(WebSocketFrame(opcode: .text, payload: [65]).encoded(maskingKey: nil), to: pair.second)
        var decoder = WebSocketFrameDecoder(requiresMasking: false)
        let close = try SocketPair.readFrame(from: pair.second, decoder: &decoder)
        #expect(close?.opcode == .close)
        #expect(close.map { Array($0.payload.prefix(2)) } == [0x03, 0xEA])
        Glibc.close(pair.second)
        await server.close()
    }

    @Test("Invalid UTF-8 in a text message closes the connection with 1007")
    func invalidText() async throws {
        let pair = try SocketPair()
        let server = WebSocketConnection(fileDescriptor: pair.first, role: .server)
        SocketPair.write(
            WebSocketFrame(opcode: .text, payload: [0xFF]).encoded(maskingKey: [5, 5, 5, 5]), to: pair.second)
        var messages = server.messages.makeAsyncIterator()
        let error = await #expect(throws: WebSocketError.self) { try await messages.next() }
        #expect(error?.closeCode == .invalidFramePayloadData)
        close(pair.second)
        await server.close()
    }
}
