import Foundation
import MECHTTP
import MECObservability
import Synchronization

/// A notification receiver: our own HTTPS server on loopback, recording every POST per path.
///
/// `stop()` takes it down (connections are refused); `restart()` brings it back on the same port.
final class TestReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var contentType: String?
        var body: Data
    }

    private let tls: TLSSettings
    private let server = Mutex<HTTPServer?>(nil)
    private let received = Mutex<[Received]>([])
    /// Paths that answer this status instead of 204.
    let failing = Mutex<[String: Int]>([:])
    private let boundPort = Atomic<Int>(0)

    init(tls: TLSSettings) throws {
        self.tls = tls
        try launch(port: 0)
    }

    var port: Int { boundPort.load(ordering: .acquiring) }

    func url(_ name: String) -> String {
        "https://localhost:\(port)/callback/\(name)"
    }

    private func launch(port: Int) throws {
        var router = Router()
        router.on(.post, "/callback/{name}") { [self] request in
            if let status = self.failing.withLock({ $0[request.path] }) {
                return Response(status: status)
            }
            self.received.withLock {
                $0.append(
                    Received(path: request.path, contentType: request.headers["Content-Type"], body: request.body))
            }
            return Response(status: 204)
        }
        var configuration = HTTPServerConfiguration()
        configuration.port = port
        configuration.tls = tls
        configuration.shutdownGraceSeconds = 0.2
        let logger = Logger(label: "receiver", level: .error, sink: MemoryLogSink())
        let created = HTTPServer(
            configuration: configuration,
            responder: Responder(router: router, middlewares: [], logger: logger),
            metrics: MetricsRegistry(),
            logger: logger
        )
        try created.start()
        boundPort.store(created.port, ordering: .releasing)
        server.withLock { $0 = created }
    }

    func stop() async {
        let current = server.withLock { server -> HTTPServer? in
            defer { server = nil }
            return server
        }
        await current?.shutdown()
    }

    func restart() throws {
        try launch(port: port)
    }

    /// Bodies received on `/callback/{name}`, decoded as JSON objects, in arrival order.
    func bodies(_ name: String) -> [[String: Any]] {
        received.withLock { $0 }.filter { $0.path == "/callback/\(name)" }.compactMap {
            try? JSONSerialization.jsonObject(with: $0.body) as? [String: Any]
        }
    }

    /// The `n` fields of the bodies received for `name`, in arrival order.
    func numbers(_ name: String) -> [Int] {
        bodies(name).compactMap { $0["n"] as? Int }
    }

    var all: [Received] {
        received.withLock { $0 }
    }
}
