import Foundation

@testable import MECHTTP

/// A TLS byte stream to a test server, for requests written by hand (slow clients, oversized heads).
struct RawStream: Sendable {
    let transport: CurlTransport

    init(_ server: TestServer) throws {
        transport = try WebSocketClient.connectStream(
            url: server.baseURL,
            caFile: server.caFile,
            certFile: nil,
            keyFile: nil,
            timeoutMilliseconds: 5_000
        )
    }

    func send(_ text: String) throws {
        try transport.send(Array(text.utf8))
    }

    /// Reads until the server closes the connection or `limit` passes.
    func readUntilClosed(limit: Duration) throws -> (text: String, closed: Bool) {
        let deadline = ContinuousClock.now + limit
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while ContinuousClock.now < deadline {
            let count: Int? = try buffer.withUnsafeMutableBytes { raw in
                try Result { () throws(WebSocketError) in try transport.receiveNow(into: raw) }.get()
            }
            switch count {
            case .none: transport.wait(for: Int16(POLLIN), milliseconds: 50)
            case .some(0): return (String(decoding: received, as: UTF8.self), true)
            case .some(let count): received += buffer[0..<count]
            }
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    func close() {
        transport.close()
    }
}
