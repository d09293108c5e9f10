import Foundation
import MECAuth
import MECHTTP
import MECHost
import MECObservability
import MECSecurity
import MECTestSupport
import Testing

/// A real MEC host on a free port over HTTPS, with a fresh data directory, and helpers to make clients.
final class TestHost: Sendable {
    let directory: URL
    let host: EdgeHost
    let url: String
    let authority: LocalCertificateAuthority

    var dataDirectory: URL { directory.appendingPathComponent("data") }
    var caFile: String { dataDirectory.appendingPathComponent("ca.crt").path }
    var auth: AuthorizationService {
        guard let auth = host.authorization else { fatalError("host is not running") }
        return auth
    }

    /// Starts a host; `port` 0 picks a free port.
    init(directory: URL? = nil, port: Int = 0) async throws {
        let directory =
            directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("mec-auth-\(UUID().uuidString)")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = HostConfiguration(environment: [:])
        configuration.dataDirectory = directory.appendingPathComponent("data").path
        configuration.port = port
        configuration.threads = 2
        configuration.shutdownGraceSeconds = 0.2
        let logger = Logger(label: "test", level: .critical)
        host = EdgeHost(configuration: configuration, logger: logger)
        url = try await host.start()
        authority = try LocalCertificateAuthority.loadOrCreate(
            directory: directory.appendingPathComponent("data"), logger: logger)
    }

    func stop() async {
        await host.stop()
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A client certificate from the host's CA, written to files.
    func issue(_ name: String, file: String? = nil) throws -> ClientFiles {
        let issued = try authority.issue(CertificateRequest(commonName: name, usage: .client))
        let folder = directory.appendingPathComponent("certs-\(file ?? name)-\(UUID().uuidString.prefix(6))")
        let files = try issued.write(to: folder, name: name)
        return ClientFiles(certificate: files.certificate.path, key: files.privateKey.path, info: issued.certificate)
    }

    /// A self-signed client certificate made with the openssl command line.
    func selfSigned(_ name: String) throws -> ClientFiles {
        let folder = directory.appendingPathComponent("self-\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cert = folder.appendingPathComponent("\(name).crt").path
        let key = folder.appendingPathComponent("\(name).key").path
        try run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                "-out", cert, "-days", "2", "-subj", "/CN=\(name)", "-addext", "extendedKeyUsage=clientAuth",
            ])
        return ClientFiles(
            certificate: cert, key: key, info: try CertificateInfo(pem: String(contentsOfFile: cert, encoding: .utf8)))
    }

    /// Registers a certificate client with `scopes`.
    func register(_ id: String, _ files: ClientFiles, scopes: [String]) async throws {
        try await auth.registry.add(
            ClientRegistry.certificateClient(
                id: id, certificate: files.info, authority: authority.certificate, scopes: scopes)
        )
    }

    /// An HTTPS client trusting the host's CA, presenting `files` when given.
    func client(_ files: ClientFiles?) -> HTTPClient {
        HTTPClient(
            configuration: .init(
                caFile: caFile, clientCertificateFile: files?.certificate, clientKeyFile: files?.key,
                connectTimeout: .seconds(60), maxConcurrentRequests: 4)
        )
    }

    /// Posts a form to an OAuth endpoint.
    func post(
        _ path: String, _ form: String, with files: ClientFiles?, headers extra: HTTPHeaders = HTTPHeaders()
    ) async throws -> HTTPClientResponse {
        var headers = extra
        headers["Content-Type"] = MediaType.formURLEncoded
        return try await client(files).execute(
            HTTPClientRequest(method: "POST", url: url + path, headers: headers, body: Data(form.utf8)))
    }

    /// Asks for a token; returns the response.
    func requestToken(_ id: String, with files: ClientFiles?, scope: String? = nil) async throws -> HTTPClientResponse {
        var form = "grant_type=client_credentials&client_id=\(id)"
        if let scope { form += "&scope=\(scope.replacingOccurrences(of: " ", with: "+"))" }
        return try await post(OAuthPaths.token, form, with: files)
    }

    /// Gets a token, failing the test when the host refuses.
    func token(_ id: String, with files: ClientFiles?, scope: String? = nil) async throws -> String {
        let response = try await requestToken(id, with: files, scope: scope)
        try #require(response.status == 200, "token request: \(String(decoding: response.body, as: UTF8.self))")
        return try #require(try JSON.object(response.body)["access_token"] as? String)
    }

    /// Calls a route with a bearer token.
    func call(
        _ method: String, _ path: String, token: String?, with files: ClientFiles?
    ) async throws -> HTTPClientResponse {
        var headers = HTTPHeaders()
        if let token { headers["Authorization"] = "Bearer \(token)" }
        let body = ["POST", "PUT", "PATCH"].contains(method) ? Data("{}".utf8) : Data()
        if !body.isEmpty { headers["Content-Type"] = MediaType.json }
        return try await client(files).execute(
            HTTPClientRequest(method: method, url: url + path, headers: headers, body: body))
    }
}

extension TestHost {
    /// Sends a JSON body (or none) with a bearer token over a connection presenting `files`.
    func send(
        _ method: String, _ path: String, json: String? = nil, token: String, with files: ClientFiles
    ) async throws -> HTTPClientResponse {
        var headers = HTTPHeaders()
        headers["Authorization"] = "Bearer \(token)"
        if json != nil { headers["Content-Type"] = MediaType.json }
        return try await client(files).execute(
            HTTPClientRequest(method: method, url: url + path, headers: headers, body: Data((json ?? "").utf8)))
    }
}

/// A client certificate and key on disk.
struct ClientFiles: Sendable {
    let certificate: String
    let key: String
    let info: CertificateInfo
}

enum JSON {
    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The decoded claims of a JWT, read without the code under test.
    static func claims(_ token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".")
        try #require(parts.count == 3)
        var text = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        return try object(try #require(Data(base64Encoded: text)))
    }
}

@discardableResult
func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: Data) {
    let result = try ChildProcess.run([executable] + arguments, input: input ?? Data())
    return (result.status, result.outputData)
}

/// The `x5t#S256` of a certificate file as the openssl command line computes it.
func opensslThumbprint(_ certificate: String) throws -> String {
    let der = try run("/usr/bin/openssl", ["x509", "-in", certificate, "-outform", "DER"]).output
    let digest = try run("/usr/bin/openssl", ["dgst", "-sha256", "-binary"], input: der).output
    return digest.base64EncodedString().replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}
