import Testing

@testable import MECHTTP

@Suite("WebSocket handshake")
struct WebSocketHandshakeTests {
    static let valid = [
        "Host": "server.example.com",
        "Upgrade": "websocket",
        "Connection": "keep-alive, Upgrade",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Protocol": "chat, superchat",
    ]

    @Test("The accept value matches the RFC 6455 section 1.3 example")
    func rfcVector() {
        #expect(WebSocketHandshake.acceptValue(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test("A valid upgrade request yields the 101 response headers, whatever the header name case")
    func validRequest() throws {
        let lowered = Dictionary(uniqueKeysWithValues: Self.valid.map { ($0.key.lowercased(), $0.value) })
        let handshake = try WebSocketHandshake(method: "GET", headers: lowered)
        #expect(handshake.acceptValue == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(handshake.requestedProtocols == ["chat", "superchat"])
        #expect(handshake.responseHeaders.map(\.name) == ["Upgrade", "Connection", "Sec-WebSocket-Accept"])
    }

    @Test(
        "A bad upgrade request is refused",
        arguments: [
            ("Upgrade", "h2c"),
            ("Upgrade", nil),
            ("Connection", "keep-alive"),
            ("Sec-WebSocket-Key", "c2hvcnQ="),
            ("Sec-WebSocket-Key", "not base64 at all!"),
            ("Sec-WebSocket-Key", nil),
        ] as [(String, String?)]
    )
    func badHeaders(name: String, value: String?) {
        var headers = Self.valid
        headers[name] = value
        let error = #expect(throws: WebSocketError.self) { try WebSocketHandshake(method: "GET", headers: headers) }
        #expect(error?.code == .handshakeFailed)
    }

    @Test("A request for another protocol version asks for version 13")
    func wrongVersion() {
        var headers = Self.valid
        headers["Sec-WebSocket-Version"] = "8"
        let error = #expect(throws: WebSocketError.self) { try WebSocketHandshake(method: "GET", headers: headers) }
        #expect(error?.code == .unsupportedVersion)
    }

    @Test("A method other than GET is refused")
    func wrongMethod() {
        #expect(throws: WebSocketError.self) { try WebSocketHandshake(method: "POST", headers: Self.valid) }
    }

    @Test("A generated key is accepted by the validator")
    func generatedKey() throws {
        var headers = Self.valid
        headers["Sec-WebSocket-Key"] = WebSocketHandshake.makeKey()
        _ = try WebSocketHandshake(method: "GET", headers: headers)
    }
}
