import CGnuTLS
import Foundation

/// The server side of the websocket opening handshake (RFC 6455 §4.2): checks an upgrade request and
/// computes the `Sec-WebSocket-Accept` value.
///
/// ```swift
/// let handshake = try WebSocketHandshake(method: request.method, headers: ["Upgrade": "websocket", ...])
/// for (name, value) in handshake.responseHeaders { response.headers[name] = value }  // with status 101
/// ```
public struct WebSocketHandshake: Sendable, Hashable {
    /// The fixed GUID that RFC 6455 appends to the key before hashing.
    public static let acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// The client's `Sec-WebSocket-Key`.
    public let key: String
    /// The value for the `Sec-WebSocket-Accept` response header.
    public let acceptValue: String
    /// The subprotocols the client offered in `Sec-WebSocket-Protocol`, in order.
    public let requestedProtocols: [String]

    /// Validates an upgrade request whose header names may use any case.
    ///
    /// - Throws: ``WebSocketError`` with code `handshakeFailed` (answer 400) or `unsupportedVersion` (answer 426
    ///   with `Sec-WebSocket-Version: 13`).
    public init(method: String, headers: [String: String]) throws(WebSocketError) {
        let lowered = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { first, second in
            "\(first), \(second)"
        }
        try self.init(method: method) { lowered[$0.lowercased()] }
    }

    /// Validates an upgrade request, reading each header through `header`, which is given the field name.
    public init(method: String, header: (String) -> String?) throws(WebSocketError) {
        guard method.uppercased() == "GET" else {
            throw Self.failure("method is not GET")
        }
        guard Self.tokens(header("Upgrade")).contains("websocket") else {
            throw Self.failure("missing Upgrade: websocket")
        }
        guard Self.tokens(header("Connection")).contains("upgrade") else {
            throw Self.failure("missing Connection: Upgrade")
        }
        guard header("Sec-WebSocket-Version")?.trimmingCharacters(in: .whitespaces) == "13" else {
            throw WebSocketError(code: .unsupportedVersion, closeCode: .protocolError, detail: "version is not 13")
        }
        guard let key = header("Sec-WebSocket-Key")?.trimmingCharacters(in: .whitespaces),
            let decoded = Data(base64Encoded: key), decoded.count == 16
        else {
            throw Self.failure("Sec-WebSocket-Key is not 16 bytes in base64")
        }
        self.key = key
        self.acceptValue = Self.acceptValue(forKey: key)
        self.requestedProtocols = (header("Sec-WebSocket-Protocol") ?? "")
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The headers of the 101 Switching Protocols response.
    public var responseHeaders: [(name: String, value: String)] {
        [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", acceptValue)]
    }

    /// Computes `base64(SHA-1(key + GUID))`.
    public static func acceptValue(forKey key: String) -> String {
        let input = Array((key + acceptGUID).utf8)
        var digest = [UInt8](repeating: 0, count: 20)
        // unsafe: both buffers outlive the call and the digest buffer holds the 20 bytes SHA-1 writes.
        let result = input.withUnsafeBytes { inputBytes in
            digest.withUnsafeMutableBytes { digestBytes in
                gnutls_hash_fast(GNUTLS_DIG_SHA1, inputBytes.baseAddress, inputBytes.count, digestBytes.baseAddress)
            }
        }
        guard result == 0 else {
            return ""
        }
        return Data(digest).base64EncodedString()
    }

    /// A fresh random `Sec-WebSocket-Key` for a client request.
    public static func makeKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64EncodedString()
    }

    private static func tokens(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    private static func failure(_ detail: String) -> WebSocketError {
        WebSocketError(code: .handshakeFailed, closeCode: .protocolError, detail: detail)
    }
}
