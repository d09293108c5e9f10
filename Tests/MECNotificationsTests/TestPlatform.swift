import Foundation
import MECHTTP
import MECNotifications
import MECObservability
import MECStore
import Synchronization

/// The platform side: our HTTPS server with the engine's websocket route.
final class TestPlatform: Sendable {
    let server: HTTPServer
    let engine: NotificationEngine
    let store: SQLiteStore

    init(_ environment: TestEnvironment) async throws {
        store = try environment.openStore()
        let holder = Mutex<HTTPServer?>(nil)
        engine = environment.engine(store: store) { holder.withLock { $0?.baseURL } ?? "" }
        var router = Router()
        engine.register(routesIn: &router)
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.tls = environment.tls
        configuration.shutdownGraceSeconds = 0.2
        let logger = Logger(label: "platform", level: .error, sink: MemoryLogSink())
        server = HTTPServer(
            configuration: configuration,
            responder: Responder(router: router, middlewares: [], logger: logger),
            metrics: MetricsRegistry(),
            logger: logger
        )
        try server.start()
        holder.withLock { $0 = server }
        try await engine.start()
    }

    func stop() async {
        await engine.stop()
        await server.shutdown()
        await store.close()
    }
}
