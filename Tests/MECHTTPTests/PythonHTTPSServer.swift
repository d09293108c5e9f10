import Foundation
import MECTestSupport

/// A small HTTPS server in a `python3` child process, listening on a free loopback port.
///
/// `GET /slow` answers after three seconds; other GETs answer 200 with "hello cert" or "hello nocert";
/// POST echoes the body with status 201. The child exits when its standard input closes.
final class PythonHTTPSServer: @unchecked Sendable {  // unchecked: fields are set once in init
    let port: Int
    private let process: ChildProcess

    static let script = """
        import http.server, os, ssl, sys, threading, time
        cert, key, ca, require = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args):
                pass
            def reply(self, status, body):
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("X-Test-Header", "yes")
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                if self.path.startswith("/slow"):
                    time.sleep(3)
                self.reply(200, b"hello cert" if self.connection.getpeercert() else b"hello nocert")
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.reply(201, body)
        class Server(http.server.ThreadingHTTPServer):
            request_queue_size = 256
            daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        if require:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(ca)
        server = Server(("127.0.0.1", 0), Handler)
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    init(requireClientCertificate: Bool = false) throws {
        let certificates = TestCertificates.shared
        let scriptFile = certificates.directory.appendingPathComponent("server.py")
        if !FileManager.default.fileExists(atPath: scriptFile.path) {
            try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)
        }
        process = try ChildProcess(
            [
                "python3", scriptFile.path, certificates.serverCertificate, certificates.serverKey,
                certificates.caFile, requireClientCertificate ? "1" : "0",
            ],
            pipeInput: true
        )
        guard let output = process.standardOutput else {
            throw CocoaError(.fileReadUnknown)
        }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.availableData
            guard !chunk.isEmpty else {
                throw CocoaError(.fileReadUnknown)
            }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    var baseURL: String {
        "https://127.0.0.1:\(port)"
    }

    func stop() {
        process.closeInput()
        process.signal(SIGTERM)
        process.waitUntilExit()
    }

    deinit {
        stop()
    }
}
