import Foundation
import MECTestSupport
import Testing

/// Runs the real `mec` binary and `curl`, as a new user would.
enum Tools {
    static let mec: String = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("mec"),
            Bundle.main.bundleURL.appendingPathComponent("mec"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mec"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/mec"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path ?? "mec"
    }()

    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> Result {
        let result = try ChildProcess.run([executable] + arguments, input: input ?? Data())
        return Result(status: result.status, output: result.output, error: result.error)
    }

    static func mec(_ arguments: [String]) throws -> Result { try run(mec, arguments) }

    /// `curl -s` returning the body and the status code.
    static func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
        let result = try run("/usr/bin/curl", ["-s", "-w", "\n%{http_code}"] + arguments)
        var lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let status = Int(lines.popLast() ?? "") ?? 0
        return (status, lines.joined(separator: "\n"))
    }
}

@Suite("mec cert, client and token with curl", .serialized)
struct AuthCommandsTests {
    @Test("A certificate from mec cert issue and a client from mec client add let curl call a MEC API")
    func curlInOneStep() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mec-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("data").path
        let log = directory.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        // The shell hands its process over to mec (exec), with standard error going to the log file.
        let server = try ChildProcess(
            [
                "sh", "-c", #"exec "$0" serve --data-dir "$1" --port 0 --log-level notice 2>"$2""#, Tools.mec, data,
                log.path,
            ],
            captureOutput: false
        )
        defer {
            server.signal(SIGTERM)
            server.waitUntilExit()
        }
        var url = ""
        for _ in 0..<100 where url.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"url=https://[^ \n]+"#, options: .regularExpression) {
                url = String(text[range].dropFirst(4))
            }
        }
        try #require(!url.isEmpty, "mec serve did not start")
        let ca = data + "/ca.crt"

        let issued = try Tools.mec(["cert", "issue", "--data-dir", data, "--name", "app-1", "--out", directory.path])
        #expect(issued.status == 0, "\(issued.error)")
        let cert = directory.appendingPathComponent("app-1.crt").path
        let key = directory.appendingPathComponent("app-1.key").path
        let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(
            try Tools.mec(["cert", "issue", "--data-dir", data, "--name", "app-2", "--out", directory.path]).status == 0
        )
        let otherCert = directory.appendingPathComponent("app-2.crt").path
        let otherKey = directory.appendingPathComponent("app-2.key").path

        #expect(try Tools.mec(["client", "add", "--data-dir", data, "--id", "app-1", "--cert", cert]).status == 0)
        let secret = try Tools.mec(["client", "add", "--data-dir", data, "--id", "ops", "--secret"])
        #expect(secret.status == 0)
        #expect(secret.output.trimmingCharacters(in: .newlines).count == 43)
        let list = try Tools.mec(["client", "list", "--data-dir", data])
        #expect(list.output.contains("app-1\ttls_client_auth\tbound"))
        #expect(list.output.contains("ops\tclient_secret_basic"))
        #expect(!list.output.contains(secret.output.trimmingCharacters(in: .newlines)))

        let metadata = try Tools.curl(["--cacert", ca, url + "/.well-known/oauth-authorization-server"])
        let tokenEndpoint = try #require(
            (try JSONSerialization.jsonObject(with: Data(metadata.body.utf8)) as? [String: Any])?["token_endpoint"]
                as? String)
        let answer = try Tools.curl([
            "--cacert", ca, "--cert", cert, "--key", key, "-d", "grant_type=client_credentials", "-d",
            "client_id=app-1",
            tokenEndpoint,
        ])
        #expect(answer.status == 200)
        let token = try #require(
            (try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])?["access_token"]
                as? String)
        let payload = String(token.split(separator: ".")[1])
        let claims =
            try JSONSerialization.jsonObject(
                with: try #require(Data(base64Encoded: Self.padded(payload)))) as? [String: Any]
        let expected = try Self.opensslThumbprint(cert)
        #expect((claims?["cnf"] as? [String: Any])?["x5t#S256"] as? String == expected)

        let api = url + "/mec_app_support/v1/timing/current_time"
        let bearer = "Authorization: Bearer \(token)"
        #expect(try Tools.curl(["--cacert", ca, "--cert", cert, "--key", key, "-H", bearer, api]).status == 200)
        #expect(
            try Tools.curl(["--cacert", ca, "--cert", otherCert, "--key", otherKey, "-H", bearer, api]).status == 401)
        #expect(try Tools.curl(["--cacert", ca, "-H", bearer, api]).status == 401)

        let printed = try Tools.mec([
            "token", "--data-dir", data, "--url", url, "--id", "app-1", "--cert", cert, "--key", key,
        ])
        #expect(printed.status == 0, "\(printed.error)")
        let second = "Authorization: Bearer \(printed.output.trimmingCharacters(in: .whitespacesAndNewlines))"
        #expect(try Tools.curl(["--cacert", ca, "--cert", cert, "--key", key, "-H", second, api]).status == 200)

        let revoked = try Tools.curl([
            "--cacert", ca, "--cert", cert, "--key", key, "-d", "client_id=app-1", "-d", "token=\(token)",
            url + "/oauth2/revoke",
        ])
        #expect(revoked.status == 200)
        #expect(try Tools.curl(["--cacert", ca, "--cert", cert, "--key", key, "-H", bearer, api]).status == 401)

        #expect(try Tools.mec(["client", "remove", "--data-dir", data, "ops"]).status == 0)
        #expect(try Tools.mec(["client", "remove", "--data-dir", data, "ops"]).status == 1)
        #expect(
            try Tools.mec(["client", "add", "--data-dir", data, "--id", "x", "--secret", "--cert", cert]).status == 2)
        server.signal(SIGTERM)
        #expect(server.waitUntilExit() == 0)
    }

    static func padded(_ base64url: String) -> String {
        let text = base64url.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return text + String(repeating: "=", count: (4 - text.count % 4) % 4)
    }

    /// `openssl x509 -outform DER | openssl dgst -sha256 -binary | base64url`, through a shell pipeline.
    static func opensslThumbprint(_ certificate: String) throws -> String {
        let pipeline = "openssl x509 -in '\(certificate)' -outform DER | openssl dgst -sha256 -binary | base64 -w0"
        let result = try Tools.run("/bin/sh", ["-c", pipeline])
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
