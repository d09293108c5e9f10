import Foundation
import MECHTTP
import MECObservability
import MECSecurity

/// A real HTTPS server on a loopback port chosen by the system, with a local CA in a temporary directory.
final class TestServer: Sendable {
    let directory: URL
    let authority: LocalCertificateAuthority
    let server: HTTPServer
    let logs = MemoryLogSink()

    var caFile: String { directory.appendingPathComponent("ca.crt").path }
    var baseURL: String { server.baseURL }
    var port: Int { server.port }

    init(
        configure: (inout HTTPServerConfiguration) -> Void = { _ in },
        routes: (inout Router) -> Void
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mec-http-\(UUID().uuidString)")
        let logger = Logger(label: "test", level: .debug, sink: logs)
        authority = try LocalCertificateAuthority.loadOrCreate(directory: directory, logger: logger)
        let certificate = try ServerCertificate.loadOrCreate(
            directory: directory,
            authority: authority,
            names: [],
            logger: logger
        )
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configuration.tls = TLSSettings(
            certificatePEM: certificate.certificatePEM,
            privateKeyPEM: certificate.privateKeyPEM,
            clientCATrustPEM: authority.certificatePEM
        )
        configure(&configuration)
        var router = Router()
        routes(&router)
        let middlewares: [any Middleware] = [
            RequestIDMiddleware(), AccessLogMiddleware(logger: logger), MetricsMiddleware(registry: MetricsRegistry()),
        ]
        server = HTTPServer(
            configuration: configuration,
            responder: Responder(router: router, middlewares: middlewares, logger: logger),
            metrics: MetricsRegistry(),
            logger: logger
        )
        try server.start()
    }

    /// Writes a client certificate issued by the local CA; returns the certificate and key file paths.
    func clientCertificate(name: String) throws -> (certificate: String, key: String, issued: IssuedCertificate) {
        let issued = try authority.issue(CertificateRequest(commonName: name, usage: .client))
        let certificate = directory.appendingPathComponent("\(name).crt").path
        let key = directory.appendingPathComponent("\(name).key").path
        try issued.certificatePEM.write(toFile: certificate, atomically: true, encoding: .utf8)
        try issued.privateKeyPEM.write(toFile: key, atomically: true, encoding: .utf8)
        return (certificate, key, issued)
    }

    func client(certificate: String? = nil, key: String? = nil) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        // Generous: the whole suite runs at once on two cores, and handshakes queue behind each other.
        configuration.connectTimeout = .seconds(60)
        configuration.requestTimeout = .seconds(120)
        configuration.caFile = caFile
        configuration.clientCertificateFile = certificate
        configuration.clientKeyFile = key
        return HTTPClient(configuration: configuration)
    }

    func stop() async {
        await server.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}
