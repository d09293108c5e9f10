import Foundation
import Testing

@testable import MECHTTP

@Suite("HTTP client against a local HTTPS server")
struct HTTPClientTests {
    let certificates = TestCertificates.shared

    func trustingClient(_ configure: (inout HTTPClient.Configuration) -> Void = { _ in }) -> HTTPClient {
        // Generous: the whole suite runs at once on two cores, and handshakes queue behind each other.
        var configuration = HTTPClient.Configuration(caFile: certificates.caFile, connectTimeout: .seconds(60))
        configure(&configuration)
        return HTTPClient(configuration: configuration)
    }

    @Test("A GET and a POST round trip with headers and body")
    func getAndPost() async throws {
        let server = try PythonHTTPSServer()
        defer { server.stop() }
        let client = trustingClient()
        let get = try await client.execute(HTTPClientRequest(url: server.baseURL + "/hello"))
        #expect(get.status == 200)
        #expect(String(decoding: get.body, as: UTF8.self) == "hello nocert")
        #expect(get.headers["x-test-header"] == "yes")
        #expect(get.headers["CONTENT-TYPE"] == "text/plain")
        let payload = Data(#"{"notificationType":"Test"}"#.utf8)
        let post = try await client.execute(
            HTTPClientRequest(
                method: "POST",
                url: server.baseURL + "/callback",
                headers: ["Content-Type": "application/json"],
                body: payload
            )
        )
        #expect(post.status == 201)
        #expect(post.body == payload)
    }

    @Test("A server signed by a CA that is not trusted fails with tlsFailed")
    func untrustedServer() async throws {
        let server = try PythonHTTPSServer()
        defer { server.stop() }
        let client = HTTPClient(configuration: .init(caFile: certificates.otherCAFile))
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.execute(HTTPClientRequest(url: server.baseURL))
        }
        #expect(error?.code == .tlsFailed)
    }

    @Test("A refused connection fails with connectFailed")
    func connectionRefused() async throws {
        let port = try Self.unusedPort()
        let client = trustingClient()
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/"))
        }
        #expect(error?.code == .connectFailed)
    }

    @Test("A slow response fails with timedOut")
    func timeout() async throws {
        let server = try PythonHTTPSServer()
        defer { server.stop() }
        let client = trustingClient { $0.requestTimeout = .milliseconds(500) }
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.execute(HTTPClientRequest(url: server.baseURL + "/slow"))
        }
        #expect(error?.code == .timedOut)
    }

    @Test("Cancelling the task aborts the transfer with cancelled")
    func cancellation() async throws {
        let server = try PythonHTTPSServer()
        defer { server.stop() }
        let client = trustingClient()
        let task = Task {
            try await client.execute(HTTPClientRequest(url: server.baseURL + "/slow"))
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let error = await #expect(throws: HTTPClientError.self) { try await task.value }
        #expect(error?.code == .cancelled)
    }

    @Test("A hundred concurrent requests all succeed")
    func concurrentRequests() async throws {
        let server = try PythonHTTPSServer()
        defer { server.stop() }
        let client = trustingClient()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let request = HTTPClientRequest(method: "POST", url: server.baseURL, body: Data("\(index)".utf8))
                    return try await client.execute(request).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.count == 100)
        #expect(statuses.allSatisfy { $0 == 201 })
    }

    @Test("A client certificate is presented when configured and required by the server")
    func clientCertificate() async throws {
        let server = try PythonHTTPSServer(requireClientCertificate: true)
        defer { server.stop() }
        let withCertificate = trustingClient {
            $0.clientCertificateFile = certificates.clientCertificate
            $0.clientKeyFile = certificates.clientKey
        }
        let response = try await withCertificate.execute(HTTPClientRequest(url: server.baseURL))
        #expect(String(decoding: response.body, as: UTF8.self) == "hello cert")
        let withoutCertificate = trustingClient()
        await #expect(throws: HTTPClientError.self) {
            try await withoutCertificate.execute(HTTPClientRequest(url: server.baseURL))
        }
    }

    @Test(
        "A URL that is not absolute http or https is rejected", arguments: ["ftp://example.com/", "not a url", "/path"])
    func invalidURL(url: String) async {
        let error = await #expect(throws: HTTPClientError.self) {
            try await trustingClient().execute(HTTPClientRequest(url: url))
        }
        #expect(error?.code == .invalidURL)
    }

    static func unusedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        #expect(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
