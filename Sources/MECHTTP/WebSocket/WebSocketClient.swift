import CCurl
import Foundation

/// Opens client websocket connections over plain TCP or TLS, for integration tests and command-line tools.
///
/// libcurl opens the connection (`CURLOPT_CONNECT_ONLY`) and does TLS; the upgrade request and all frames then
/// go through `curl_easy_send` and `curl_easy_recv`, so no other TLS library is involved.
///
/// ```swift
/// let connection = try await WebSocketClient.connect(url: "wss://localhost:8443/events", caFile: "ca.pem")
/// for try await message in connection.messages { ... }
/// ```
public enum WebSocketClient {
    /// Connects, performs the opening handshake and returns a connection in the client role.
    ///
    /// - Parameters:
    ///   - url: a `ws://` or `wss://` URL.
    ///   - caFile: PEM trust anchors for `wss`; nil trusts the system store.
    ///   - certFile: PEM client certificate to present, if the server asks for one.
    ///   - keyFile: PEM private key of `certFile`.
    ///   - headers: extra request headers, such as `Authorization`.
    ///   - timeout: limit for connecting and for the handshake response.
    ///   - configuration: limits for the returned connection.
    /// - Throws: ``WebSocketError`` with code `connectFailed` or `handshakeFailed`.
    public static func connect(
        url: String,
        caFile: String? = nil,
        certFile: String? = nil,
        keyFile: String? = nil,
        headers: [(name: String, value: String)] = [],
        timeout: Duration = .seconds(10),
        configuration: WebSocketConnection.Configuration = WebSocketConnection.Configuration()
    ) async throws -> WebSocketConnection {
        let options = WebSocketClientOptions(
            url: url,
            caFile: caFile,
            certFile: certFile,
            keyFile: keyFile,
            headers: headers,
            timeoutMilliseconds: CurlGlobal.milliseconds(timeout)
        )
        // The connect and handshake calls block, so they run on a thread of their own.
        let (transport, leftover) = try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { () throws(WebSocketError) in try open(options) })
            }
            thread.name = "mec-websocket-connect"
            thread.start()
        }
        return WebSocketConnection(
            transport: transport,
            role: .client,
            configuration: configuration,
            bufferedBytes: leftover
        )
    }

    private static func open(_ options: WebSocketClientOptions) throws(WebSocketError) -> (CurlTransport, [UInt8]) {
        guard let components = URLComponents(string: options.url), let host = components.host,
            let scheme = components.scheme?.lowercased(), scheme == "ws" || scheme == "wss"
        else {
            throw failure(.handshakeFailed, "not a ws or wss URL")
        }
        var curlURL = components
        curlURL.scheme = scheme == "wss" ? "https" : "http"
        guard let target = curlURL.string else {
            throw failure(.handshakeFailed, "not a ws or wss URL")
        }
        let transport = try connectStream(
            url: target,
            caFile: options.caFile,
            certFile: options.certFile,
            keyFile: options.keyFile,
            timeoutMilliseconds: options.timeoutMilliseconds
        )
        do throws(WebSocketError) {
            let leftover = try upgrade(transport, components: components, host: host, options: options)
            return (transport, leftover)
        } catch {
            transport.close()
            throw error
        }
    }

    /// Opens a TCP (and, for `https`, TLS) byte stream to the host and port of `url` and returns it unused.
    static func connectStream(
        url: String,
        caFile: String?,
        certFile: String?,
        keyFile: String?,
        timeoutMilliseconds: Int
    ) throws(WebSocketError) -> CurlTransport {
        guard CurlGlobal.isInitialized, let easy = curl_easy_init() else {
            throw failure(.connectFailed, "libcurl unavailable")
        }
        _ = mec_curl_set_string(easy, CURLOPT_URL, url)
        _ = mec_curl_set_long(easy, CURLOPT_CONNECT_ONLY, 1)
        _ = mec_curl_set_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = mec_curl_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, timeoutMilliseconds)
        _ = mec_curl_set_long(easy, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2)
        if let caFile {
            _ = mec_curl_set_string(easy, CURLOPT_CAINFO, caFile)
        }
        if let certFile {
            _ = mec_curl_set_string(easy, CURLOPT_SSLCERT, certFile)
        }
        if let keyFile {
            _ = mec_curl_set_string(easy, CURLOPT_SSLKEY, keyFile)
        }
        var socket: curl_socket_t = -1
        guard curl_easy_perform(easy) == CURLE_OK, mec_curl_get_active_socket(easy, &socket) == CURLE_OK,
            socket >= 0
        else {
            curl_easy_cleanup(easy)
            throw failure(.connectFailed, "connect or TLS handshake failed")
        }
        return CurlTransport(handle: CurlEasyHandle(pointer: easy), socket: socket)
    }

    private static func upgrade(
        _ transport: CurlTransport,
        components: URLComponents,
        host: String,
        options: WebSocketClientOptions
    ) throws(WebSocketError) -> [UInt8] {
        let key = WebSocketHandshake.makeKey()
        let path =
            (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        let hostHeader = components.port.map { "\(host):\($0)" } ?? host
        var request = "GET \(path) HTTP/1.1\r\nHost: \(hostHeader)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        request += "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n"
        for (name, value) in options.headers {
            request += "\(name): \(value)\r\n"
        }
        try transport.send(Array((request + "\r\n").utf8))

        let deadline = ContinuousClock.now + .milliseconds(options.timeoutMilliseconds)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while true {
            if let end = firstRange(of: terminator, in: received) {
                let head = String(decoding: received[..<end], as: UTF8.self)
                try checkResponse(head, expectedAccept: WebSocketHandshake.acceptValue(forKey: key))
                return Array(received[(end + 4)...])
            }
            guard ContinuousClock.now < deadline, received.count < 64 * 1024 else {
                throw failure(.handshakeFailed, "no complete upgrade response")
            }
            let count: Int? = try buffer.withUnsafeMutableBytes { raw in
                Result { () throws(WebSocketError) in try transport.receiveNow(into: raw) }
            }.get()
            switch count {
            case .none:
                transport.wait(for: Int16(POLLIN), milliseconds: 100)
            case .some(0):
                throw failure(.handshakeFailed, "connection closed during handshake")
            case .some(let count):
                received += buffer[0..<count]
            }
        }
    }

    private static func checkResponse(_ head: String, expectedAccept: String) throws(WebSocketError) {
        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, statusParts[1] == "101" else {
            throw failure(.handshakeFailed, "server did not switch protocols")
        }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else {
                continue
            }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard fields["upgrade"]?.lowercased() == "websocket",
            fields["connection"]?.lowercased().contains("upgrade") == true,
            fields["sec-websocket-accept"] == expectedAccept
        else {
            throw failure(.handshakeFailed, "invalid upgrade response")
        }
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else {
            return nil
        }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func failure(_ code: WebSocketError.Code, _ detail: String) -> WebSocketError {
        WebSocketError(code: code, closeCode: .abnormalClosure, detail: detail)
    }
}
