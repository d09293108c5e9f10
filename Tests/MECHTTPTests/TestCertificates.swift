import Foundation
import MECTestSupport

/// A throwaway CA, a server and a client certificate signed by it, and an unrelated CA, made with `openssl`.
struct TestCertificates: Sendable {
    let directory: URL
    var caFile: String { path("ca.pem") }
    var otherCAFile: String { path("other-ca.pem") }
    var serverCertificate: String { path("server.pem") }
    var serverKey: String { path("server.key") }
    var clientCertificate: String { path("client.pem") }
    var clientKey: String { path("client.key") }

    /// Created once per test process.
    static let shared: TestCertificates = {
        do {
            return try TestCertificates()
        } catch {
            fatalError("cannot create test certificates: \(error)")
        }
    }()

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mec-http-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for ca in ["ca", "other-ca"] {
            try run(
                ["req", "-x509"] + curve + [
                    "-keyout", "\(ca).key", "-out", "\(ca).pem", "-days", "2", "-subj", "/CN=\(ca)",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                ]
            )
        }
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
            .write(to: directory.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        try "extendedKeyUsage=clientAuth\n"
            .write(to: directory.appendingPathComponent("client.ext"), atomically: true, encoding: .utf8)
        for leaf in ["server", "client"] {
            try run(["req"] + curve + ["-keyout", "\(leaf).key", "-out", "\(leaf).csr", "-subj", "/CN=\(leaf)"])
            try run([
                "x509", "-req", "-in", "\(leaf).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "\(leaf).pem", "-days", "2", "-extfile", "\(leaf).ext",
            ])
        }
    }

    private func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    private func run(_ arguments: [String]) throws {
        // The arguments name files relative to the certificate directory.
        let result = try ChildProcess.run(["sh", "-c", #"cd "$0" && exec openssl "$@""#, directory.path] + arguments)
        guard result.status == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
