import Foundation
import MECSecurity
import MECTestSupport
import Synchronization
import Testing

@testable import MECHTTP

@Suite("HTTPS server on loopback")
struct ServerIntegrationTests {
    struct Echo: Codable, Equatable {
        var name: String
        var size: Int
    }

    struct Identity: Codable {
        var thumbprint: String?
        var verified: Bool?
    }

    /// Counts slow handlers that have started, so a test can act while one is in flight.
    final class Gate: Sendable {
        let started = Atomic<Int>(0)

        /// Waits until a handler has started (bounded, so a broken server fails the test instead of hanging).
        func waitUntilStarted() async throws {
            for _ in 0..<500 where started.load(ordering: .relaxed) == 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    static func routes(_ router: inout Router) {
        routes(&router, gate: Gate())
    }

    static func routes(_ router: inout Router, gate: Gate) {
        router.on(.get, "/ping") { _ in try .json(["pong": true]) }
        router.on(.post, "/echo") { request in try .json(request.decode(Echo.self), status: 201) }
        router.on(.get, "/slow/{ms}") { (request: Request) async throws -> Response in
            let milliseconds = Int(try request.pathParameter("ms")) ?? 0
            gate.started.add(1, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(milliseconds))
            return try .json(["slept": milliseconds])
        }
        router.on(.get, "/whoami") { request in
            try .json(
                Identity(
                    thumbprint: request.clientCertificate?.thumbprintBase64URL,
                    verified: request.clientCertificate?.isVerified
                )
            )
        }
        router.on(.get, "/echo-socket") { request in
            try .webSocket(accepting: request) { connection in
                Task {
                    do {
                        for try await message in connection.messages {
                            if case .text(let text) = message {
                                try await connection.send(text: "echo: \(text)")
                            }
                        }
                    } catch {}
                    await connection.close()
                }
            }
        }
    }

    static func get(_ client: HTTPClient, _ url: String, headers: HTTPHeaders = HTTPHeaders()) async throws
        -> HTTPClientResponse
    {
        try await client.execute(HTTPClientRequest(url: url, headers: headers))
    }

    static func problem(_ response: HTTPClientResponse) throws -> ProblemDetails {
        #expect(response.headers["Content-Type"] == "application/problem+json")
        return try JSONDecoder().decode(ProblemDetails.self, from: response.body)
    }

    @Test("routes answer over HTTPS; unknown paths get 404 and wrong methods 405, as problem+json")
    func routing() async throws {
        let server = try TestServer(routes: Self.routes)
        let client = server.client()
        let ping = try await Self.get(client, server.baseURL + "/ping")
        #expect(ping.status == 200)
        #expect(ping.headers["Content-Type"] == "application/json")
        #expect(String(decoding: ping.body, as: UTF8.self) == #"{"pong":true}"#)

        let missing = try await Self.get(client, server.baseURL + "/nowhere")
        #expect(missing.status == 404)
        #expect(try Self.problem(missing).instance == server.baseURL + "/nowhere")

        let wrong = try await client.execute(HTTPClientRequest(method: "DELETE", url: server.baseURL + "/ping"))
        #expect(wrong.status == 405)
        #expect(wrong.headers["Allow"] == "GET")
        #expect(try Self.problem(wrong).status == 405)
        await server.stop()
    }

    @Test("bodies: valid JSON is decoded, malformed or mistyped JSON gets 400, other types 415")
    func bodies() async throws {
        let server = try TestServer(routes: Self.routes)
        let client = server.client()
        let url = server.baseURL + "/echo"
        let json: HTTPHeaders = ["Content-Type": "application/json"]
        let good = try await client.execute(
            HTTPClientRequest(method: "POST", url: url, headers: json, body: Data(#"{"name":"a","size":1}"#.utf8))
        )
        #expect(good.status == 201)
        #expect(try JSONDecoder().decode(Echo.self, from: good.body) == Echo(name: "a", size: 1))

        let mistyped = try await client.execute(
            HTTPClientRequest(method: "POST", url: url, headers: json, body: Data(#"{"name":"a","size":"1"}"#.utf8))
        )
        #expect(mistyped.status == 400)
        #expect(try Self.problem(mistyped).detail?.contains("'size'") == true)

        let malformed = try await client.execute(
            HTTPClientRequest(method: "POST", url: url, headers: json, body: Data("{".utf8))
        )
        #expect(malformed.status == 400)

        let form = try await client.execute(
            HTTPClientRequest(
                method: "POST",
                url: url,
                headers: ["Content-Type": "text/plain"],
                body: Data("name=a".utf8)
            )
        )
        #expect(form.status == 415)
        let html = try await Self.get(client, server.baseURL + "/ping", headers: ["Accept": "text/html"])
        #expect(html.status == 406)
        await server.stop()
    }

    @Test("a body over the limit gets 413, whether announced by Content-Length or sent chunked")
    func bodyLimit() async throws {
        let server = try TestServer(configure: { $0.maxBodySize = 1_024 }, routes: Self.routes)
        let client = server.client()
        let big = Data(repeating: 0x61, count: 4_096)
        let announced = try await client.execute(
            HTTPClientRequest(
                method: "POST",
                url: server.baseURL + "/echo",
                headers: ["Content-Type": "application/json"],
                body: big
            )
        )
        #expect(announced.status == 413)
        #expect(try Self.problem(announced).status == 413)

        let stream = try await offPool { try RawStream(server) }
        let chunk = String(repeating: "a", count: 2_048)
        try stream.send(
            "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n800\r\n\(chunk)\r\n0\r\n\r\n"
        )
        let (text, _) = try await offPool { try stream.readUntilClosed(limit: .seconds(10)) }
        stream.close()
        #expect(text.hasPrefix("HTTP/1.1 413"))
        #expect(text.contains("application/problem+json"))
        await server.stop()
    }

    @Test("a request head over the size limit is refused")
    func headerLimit() async throws {
        let server = try TestServer(configure: { $0.maxHeaderSize = 4_096 }, routes: Self.routes)
        let stream = try await offPool { try RawStream(server) }
        try stream.send(
            "GET /ping HTTP/1.1\r\nHost: localhost\r\nX-Big: \(String(repeating: "b", count: 24_000))\r\n\r\n")
        let (text, closed) = try await offPool { try stream.readUntilClosed(limit: .seconds(10)) }
        stream.close()
        #expect(closed)
        #expect(text.hasPrefix("HTTP/1.1 431"), "\(text.prefix(200))")
        let client = server.client()
        #expect(try await Self.get(client, server.baseURL + "/ping").status == 200)
        await server.stop()
    }

    @Test("async handlers suspend the connection and many run at once")
    func asyncHandlers() async throws {
        let server = try TestServer(routes: Self.routes)
        let client = server.client()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask { try await Self.get(client, server.baseURL + "/slow/\(index % 20)").status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 200 })
        await server.stop()
    }

    @Test("the verified client certificate and its SHA-256 thumbprint reach the handler")
    func clientCertificate() async throws {
        let server = try TestServer(routes: Self.routes)
        let files = try server.clientCertificate(name: "app-one")
        let withCertificate = try await Self.get(
            server.client(certificate: files.certificate, key: files.key),
            server.baseURL + "/whoami"
        )
        let identity = try JSONDecoder().decode(Identity.self, from: withCertificate.body)
        #expect(identity.verified == true)
        #expect(identity.thumbprint == files.issued.certificate.thumbprintBase64URL)
        #expect(identity.thumbprint == Base64URL.encode(SHA256.hash(files.issued.certificateDER)))

        let anonymous = try await Self.get(server.client(), server.baseURL + "/whoami")
        let nobody = try JSONDecoder().decode(Identity.self, from: anonymous.body)
        #expect(nobody.thumbprint == nil)
        await server.stop()
    }

    @Test("a self-signed client certificate is passed on as unverified")
    func selfSignedCertificate() async throws {
        let server = try TestServer(routes: Self.routes)
        let key = server.directory.appendingPathComponent("self.key").path
        let certificate = server.directory.appendingPathComponent("self.crt").path
        let made = try await runProgram([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=self-signed-app",
        ])
        #expect(made.status == 0)
        let response = try await Self.get(server.client(certificate: certificate, key: key), server.baseURL + "/whoami")
        let identity = try JSONDecoder().decode(Identity.self, from: response.body)
        #expect(identity.verified == false)
        let pem = try String(contentsOfFile: certificate, encoding: .utf8)
        #expect(identity.thumbprint == (try CertificateInfo(pem: pem).thumbprintBase64URL))
        await server.stop()
    }

    @Test(
        "TLS 1.0 and 1.1 handshakes fail; TLS 1.2 and 1.3 succeed",
        arguments: [
            ("-tls1", false), ("-tls1_1", false), ("-tls1_2", true), ("-tls1_3", true),
        ])
    func protocolVersions(flag: String, succeeds: Bool) async throws {
        let server = try TestServer(routes: Self.routes)
        let result = try await runProgram(
            [
                "openssl", "s_client", flag, "-connect", "127.0.0.1:\(server.port)", "-CAfile", server.caFile,
                "-verify_return_error", "-brief",
            ],
            input: Data()
        )
        #expect((result.status == 0) == succeeds, "\(flag): \(result.error)")
        await server.stop()
    }

    @Test("a client that stalls in the middle of its request head is disconnected while others are served")
    func stalledHead() async throws {
        let server = try TestServer(
            configure: {
                $0.headerTimeoutSeconds = 1
                $0.idleTimeoutSeconds = 30
            },
            routes: Self.routes
        )
        let stream = try await offPool { try RawStream(server) }
        try stream.send("GET /ping HTTP/1.1\r\nHost: localhost\r\n")
        let client = server.client()
        #expect(try await Self.get(client, server.baseURL + "/ping").status == 200)
        let (text, closed) = try await offPool { try stream.readUntilClosed(limit: .seconds(15)) }
        stream.close()
        #expect(closed)
        #expect(!text.contains("pong"))
        await server.stop()
    }

    @Test("a client that sends its head slowly past the header deadline gets 408")
    func slowHead() async throws {
        // Pauses stay well under the inactivity limit (whole seconds), while the head as a whole takes longer.
        let server = try TestServer(configure: { $0.headerTimeoutSeconds = 2 }, routes: Self.routes)
        let stream = try await offPool { try RawStream(server) }
        try stream.send("GET /ping HTTP/1.1\r\nHost: localhost\r\n")
        for index in 0..<10 {
            try await Task.sleep(for: .milliseconds(300))
            try stream.send("X-Slow-\(index): 1\r\n")
        }
        try stream.send("\r\n")
        let (text, _) = try await offPool { try stream.readUntilClosed(limit: .seconds(10)) }
        stream.close()
        #expect(text.hasPrefix("HTTP/1.1 408"))
        await server.stop()
    }

    @Test("shutdown lets a request in flight finish, then refuses new connections")
    func shutdownDrains() async throws {
        let gate = Gate()
        let server = try TestServer { Self.routes(&$0, gate: gate) }
        let client = server.client()
        let url = server.baseURL
        let inFlight = Task { try await Self.get(client, url + "/slow/400") }
        try await gate.waitUntilStarted()
        await server.server.shutdown()
        let response = try await inFlight.value
        #expect(response.status == 200)
        await #expect(throws: HTTPClientError.self) {
            try await Self.get(server.client(), url + "/ping")
        }
        await server.stop()
    }

    @Test("shutdown answers 503 to a request that outlives the grace period")
    func shutdownGrace() async throws {
        let gate = Gate()
        let server = try TestServer(configure: { $0.shutdownGraceSeconds = 0.3 }) { Self.routes(&$0, gate: gate) }
        let client = server.client()
        let url = server.baseURL
        let inFlight = Task { try await Self.get(client, url + "/slow/5000") }
        try await gate.waitUntilStarted()
        await server.server.shutdown()
        let response = try await inFlight.value
        #expect(response.status == 503)
        #expect(try Self.problem(response).status == 503)
        await server.stop()
    }

    @Test("a websocket upgrade over TLS carries messages both ways")
    func webSocketEcho() async throws {
        let server = try TestServer(routes: Self.routes)
        let url = server.baseURL.replacingOccurrences(of: "https://", with: "wss://") + "/echo-socket"
        let socket = try await WebSocketClient.connect(url: url, caFile: server.caFile)
        try await socket.send(text: "hello")
        var iterator = socket.messages.makeAsyncIterator()
        let reply = try await iterator.next()
        #expect(reply == .text("echo: hello"))
        try await socket.send(text: "again")
        #expect(try await iterator.next() == .text("echo: again"))
        await socket.close()
        await server.stop()
    }

    @Test("a plain GET to a websocket route is refused with 400")
    func webSocketWithoutUpgrade() async throws {
        let server = try TestServer(routes: Self.routes)
        let response = try await Self.get(server.client(), server.baseURL + "/echo-socket")
        #expect(response.status == 400)
        await server.stop()
    }
}
