import Foundation
import MECAuth
import MECHTTP
import MECObservability
import MECSecurity
import MECStore
import Synchronization

// Serves one small route twice, on two HTTPS ports of one process: with the token check in front of it and without.
// Also serves the token endpoint. Writes a client certificate (bench.pem: certificate and key) into the work
// directory, registers it as client "bench", prints the URLs, and runs until killed. Used by bench/auth/run.

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: mec-bench-auth WORKDIR\n".utf8))
    exit(2)
}
let work = URL(fileURLWithPath: arguments[1], isDirectory: true)
let data = work.appendingPathComponent("data")
let logger = Logger(label: "bench", level: .warning)
let metrics = MetricsRegistry()

let authority = try LocalCertificateAuthority.loadOrCreate(directory: data, logger: logger)
let serverCertificate = try ServerCertificate.loadOrCreate(
    directory: data, authority: authority, names: [], logger: logger)
let store = try SQLiteStore(path: data.appendingPathComponent("mec.sqlite").path, logger: logger)
let protectedURL = Mutex<String>("")
let auth = try await AuthorizationService.make(
    store: store,
    dataDirectory: data,
    authority: authority.certificate,
    baseURL: { protectedURL.withLock { $0 } },
    metrics: metrics,
    logger: logger
)
let benchClient = try authority.issue(CertificateRequest(commonName: "bench", usage: .client))
try Data((benchClient.certificatePEM + benchClient.privateKeyPEM).utf8)
    .write(to: work.appendingPathComponent("bench.pem"))
try await auth.registry.add(
    ClientRegistry.certificateClient(
        id: "bench", certificate: benchClient.certificate, authority: authority.certificate,
        scopes: [MECScope.all(api: MECScope.appSupport)])
)

func smallRoute(_ router: inout Router) {
    router.on(.get, "/mec_app_support/v1/timing/current_time") { _ in
        let now = Date().timeIntervalSince1970
        return try .json([
            "seconds": Int(now), "nanoSeconds": Int((now - now.rounded(.down)) * 1e9),
        ])
    }
}

func server(_ router: Router, _ middlewares: [any Middleware]) throws -> HTTPServer {
    var configuration = HTTPServerConfiguration()
    configuration.port = 0
    configuration.tls = TLSSettings(
        certificatePEM: serverCertificate.certificatePEM,
        privateKeyPEM: serverCertificate.privateKeyPEM,
        clientCATrustPEM: authority.certificatePEM
    )
    let server = HTTPServer(
        configuration: configuration,
        responder: Responder(router: router, middlewares: middlewares, logger: logger),
        metrics: metrics,
        logger: logger
    )
    try server.start()
    return server
}

var protectedRouter = Router()
smallRoute(&protectedRouter)
auth.server.register(in: &protectedRouter)
var openRouter = Router()
smallRoute(&openRouter)
let observers: [any Middleware] = [RequestIDMiddleware(), MetricsMiddleware(registry: metrics)]
let protected = try server(protectedRouter, observers + [auth.middleware])
let open = try server(openRouter, observers)
protectedURL.withLock { $0 = protected.baseURL }
let audit = auth.audit

let lines = [
    "protected=\(protected.baseURL)",
    "open=\(open.baseURL)",
    "ca=\(authority.certificateFile.path)",
    "client_pem=\(work.appendingPathComponent("bench.pem").path)",
]
FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
await audit.run()
