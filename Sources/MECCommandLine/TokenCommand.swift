import Foundation
import MECHTTP

/// `mec token`: asks a running host for an access token with a client certificate and prints it.
struct TokenCommand: Command {
    let name = "token"
    let summary = "Get an access token from a running host with a client certificate; print it."
    let synopsis = "--id ID --cert FILE --key FILE [--url URL] [--data-dir DIR] [--scope S]..."
    let options: [OptionSpec] = [
        DataDirectoryOption.spec,
        OptionSpec("id", value: "ID", help: "The client id."),
        OptionSpec("cert", value: "FILE", help: "The client certificate (PEM)."),
        OptionSpec("key", value: "FILE", help: "Its private key (PEM)."),
        OptionSpec("url", value: "URL", help: "The host (default $MEC_URL, else https://localhost:8443)."),
        OptionSpec("scope", value: "S", help: "Ask for this scope only (may repeat).", repeatable: true),
    ]
    let discussion = """
        The server certificate is checked against ca.crt in the data directory. Use it as:
          TOKEN=$(mec token --id app-1 --cert app-1.crt --key app-1.key)
        """

    struct TokenAnswer: Decodable {
        let accessToken: String

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
        }
    }

    func run(_ arguments: ParsedArguments, context: CommandContext) async throws -> Int32 {
        try DataDirectoryOption.expectOperands(arguments, 0)
        guard let id = arguments.value("id"), let cert = arguments.value("cert"), let key = arguments.value("key")
        else {
            throw UsageError("--id, --cert and --key are required")
        }
        let base = arguments.value("url") ?? context.environment["MEC_URL"] ?? "https://localhost:8443"
        let ca = DataDirectoryOption.url(arguments, context).appendingPathComponent("ca.crt").path
        let client = HTTPClient(
            configuration: .init(caFile: ca, clientCertificateFile: cert, clientKeyFile: key, maxConcurrentRequests: 1)
        )
        defer { client.shutdown() }
        var form = "grant_type=client_credentials&client_id=\(Self.encode(id))"
        let scopes = arguments.values("scope")
        if !scopes.isEmpty {
            form += "&scope=\(Self.encode(scopes.joined(separator: " ")))"
        }
        let response = try await client.execute(
            HTTPClientRequest(
                method: "POST",
                url: base.trimmingSuffix("/") + "/oauth2/token",
                headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
                body: Data(form.utf8)
            )
        )
        guard response.status == 200, let answer = try? JSONDecoder().decode(TokenAnswer.self, from: response.body)
        else {
            context.errorOutput(
                "mec token: the host answered \(response.status): \(String(decoding: response.body, as: UTF8.self))\n")
            return 1
        }
        context.output(answer.accessToken + "\n")
        return 0
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
