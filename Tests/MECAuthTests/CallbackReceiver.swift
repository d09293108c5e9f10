import Foundation
import MECHTTP
import MECObservability
import MECSecurity
import Synchronization

/// An HTTPS server of our own that records the JSON bodies POSTed to `/notify/{name}`, with a certificate from the
/// host's CA (which notification delivery trusts).
final class CallbackReceiver: Sendable {
    let server: HTTPServer
    private final class Bodies: Sendable {
        let byName = Mutex<[String: [Data]]>([:])
    }

    private let received = Bodies()

    /// Starts a receiver; `port` 0 picks a free port, another port brings a stopped receiver back at its URL.
    init(authority: LocalCertificateAuthority, port: Int = 0) throws {
        let issued = try authority.issue(
            CertificateRequest(
                commonName: "receiver", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"], usage: .server)
        )
        var configuration = HTTPServerConfiguration()
        configuration.port = port
        configuration.tls = TLSSettings(certificatePEM: issued.certificatePEM, privateKeyPEM: issued.privateKeyPEM)
        var router = Router()
        let received = self.received
        router.on(.post, "/notify/{name}") { request in
            let name = try request.pathParameter("name")
            received.byName.withLock { $0[name, default: []].append(request.body) }
            return .noContent()
        }
        let logger = Logger(label: "receiver", level: .critical)
        server = HTTPServer(
            configuration: configuration,
            responder: Responder(router: router, middlewares: [], logger: logger),
            metrics: MetricsRegistry(),
            logger: logger
        )
        try server.start()
    }

    func url(_ name: String) -> String {
        server.baseURL + "/notify/" + name
    }

    func bodies(_ name: String) -> [[String: Any]] {
        received.byName.withLock { $0[name] ?? [] }.map {
            (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] ?? [:]
        }
    }

    /// Waits (bounded) until `condition` holds.
    func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<1500 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}
